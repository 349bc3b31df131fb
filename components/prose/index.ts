// The components available in every MDX page without an import.
import Cite from './Cite.astro';
import Note from './Note.astro';
import Figure from './Figure.astro';
import FigRef from './FigRef.astro';
import Term from './Term.astro';
import Reactive from '../widgets/Reactive.astro';
import ResidualPaths from '../widgets/residual-paths/ResidualPaths.astro';

export const mdxComponents = { Cite, Note, Figure, FigRef, Term, Reactive, ResidualPaths };
