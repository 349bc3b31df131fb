// basins's Web Worker: the model's job (src/models/basins-job.ts) behind the kit's worker host.
// Thousands of Langevin runs stream partial results while the page stays responsive.
import { serve } from '../kit/worker-protocol';
import { job } from '../models/basins-job';

serve(job);
