// serial-parallel's Web Worker: the model's job (src/models/serial-parallel-job.ts) behind the kit's worker host.
// At a finite width and large n a setting takes up to about a second.
import { serve } from '../kit/worker-protocol';
import { job } from '../models/serial-parallel-job';

serve(job);
