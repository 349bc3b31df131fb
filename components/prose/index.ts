// The components available in every MDX page without an import: the prose furniture here, and
// every widget's shell (components/widgets/*/Name.astro, used as <Name />).
import Cite from './Cite.astro';
import Note from './Note.astro';
import Figure from './Figure.astro';
import FigRef from './FigRef.astro';
import Term from './Term.astro';
import Link from './Link.astro';
import Reactive from '../widgets/Reactive.astro';
import Step from '../widgets/Step.astro';

const widgetShells = import.meta.glob<{ default: unknown }>('../widgets/*/*.astro', { eager: true });
const widgets = Object.fromEntries(
  Object.entries(widgetShells).map(([path, m]) => [path.split('/').pop()!.replace(/\.astro$/, ''), m.default]),
);

// `a`: every Markdown link, so links to sections get previews (see Link.astro).
export const mdxComponents = { Cite, Note, Figure, FigRef, Term, Reactive, Step, ...widgets, a: Link };
