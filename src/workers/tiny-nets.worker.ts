// tiny-nets's Web Worker: the model's job (src/models/tiny-nets-job.ts) behind the kit's worker host.
// Only n = 4 comes here (components/widgets/tiny-nets/session.ts): its exact count takes up to a second.
import { serve } from '../kit/worker-protocol';
import { job } from '../models/tiny-nets-job';

serve(job);
