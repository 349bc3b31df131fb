// goal-count's browser entry: the home page's lead (./lead.ts, drawn by hand) mounts at once; §2.3's
// figure and the prose's numbers bound to it (./figure.ts) draw with Observable Plot, so they are
// loaded only where they are: the home page loads no Plot.
import { mountWidget } from '../../../src/kit/controller';
import { leadModel, leadView } from './lead';

const figure = () => import('./figure');

export const mount = (root: HTMLElement) =>
  root.dataset.view === 'lead' ? mountWidget(root, leadModel, leadView) : figure().then((f) => f.mount(root));
export const bindInline = (el: HTMLElement) => void figure().then((f) => f.bindInline(el));
