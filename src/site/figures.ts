// Figure numbers come from each page's `figures` front-matter list (ids in reading order), never
// from render-order counters, so a number is stable and the site test can check the list.
export function figureNumber(locals: App.Locals, id: string): string | null {
  const index = locals.figures?.indexOf(id) ?? -1;
  if (index < 0) return null;
  return locals.chapter ? `${locals.chapter}.${index + 1}` : String(index + 1);
}

export function uniqueId(locals: App.Locals, prefix: string): string {
  locals.uid = (locals.uid ?? 0) + 1;
  return `${prefix}-${locals.uid}`;
}
