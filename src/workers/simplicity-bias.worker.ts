// simplicity-bias: samples random networks off the main thread (the WebAssembly kernel is over
// 4 KB, which Chrome refuses to compile synchronously on the main thread anyway).
import { serve } from '../lib/widgets/worker-client';
import { job } from '../../components/widgets/simplicity-bias/job';

serve(job);
