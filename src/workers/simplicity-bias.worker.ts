// simplicity-bias's Web Worker: the model's job (src/models/simplicity-bias-job.ts) behind the kit's worker host.
// Sampling runs here also because Chrome refuses to compile a WebAssembly module over 4 KB (the
// kernel) synchronously on the main thread.
import { serve } from '../kit/worker-protocol';
import { job } from '../models/simplicity-bias-job';

serve(job);
