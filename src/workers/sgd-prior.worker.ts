// sgd-prior's Web Worker: the model's job (src/models/sgd-prior-job.ts) behind the kit's worker host.
// One part of 10^6 prior draws and 10^4 training runs at the defaults (client.ts runs two).
import { serve } from '../kit/worker-protocol';
import { job } from '../models/sgd-prior-job';

serve(job);
