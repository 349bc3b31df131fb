// What a preview of a figure shows: its title and the first sentences of its caption. Static
// figures carry both in MDX (collected by remark-sections); a widget's title is in its shell.
const shells = import.meta.glob<string>('./*/*.astro', { query: '?raw', import: 'default', eager: true });

/** A widget's own shell is named after its folder (goal-count/GoalCount.astro); other shells in the
 * folder (the home page's GoalCountLead.astro) show the widget elsewhere, under other titles. */
const isMainShell = (path: string) => {
  const [folder, file] = path.split('/').slice(-2);
  return file === `${folder.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}.astro`;
};

export const widgetTitles: Record<string, string> = Object.fromEntries(
  Object.entries(shells)
    .filter(([path]) => isMainShell(path))
    .map(([path, source]) => [path.split('/').at(-2)!, source.match(/<Widget\b[^>]*\stitle="([^"]+)"/)?.[1]] as const)
    .filter((e): e is readonly [string, string] => Boolean(e[1])),
);

export interface FigureCaption { title: string; caption: string }

export function figureCaption(captions: Record<string, FigureCaption> | undefined, id: string): FigureCaption {
  const c = captions?.[id] ?? { title: '', caption: '' };
  return { title: c.title || widgetTitles[id.replace(/^fig-/, '')] || '', caption: c.caption };
}
