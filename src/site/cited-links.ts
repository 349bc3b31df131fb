// The registry of citable widget links (tests/links.json): each link with the outputs its figure
// showed when it was recorded. A recorded output may change only with a `changes` record, which
// /about/'s changelog lists. Pure: used by the changelog at build time and by the tests
// (tests/support/links.ts, tests/browser/links.test.ts, `npm run links:record`).
export interface OutputChange {
  /** ISO date of the change. */
  date: string;
  output: string;
  old: string;
  new: string;
  why: string;
}

export interface CitedLink {
  /** Site-relative: path, query and fragment, as a reader would paste it (without the base path). */
  url: string;
  widget: string;
  /** Where the prose quotes this setting, and what it says (for whoever has to change it). */
  quoted?: string;
  /** Every output of the figure: name → data-value, as first recorded. */
  outputs?: Record<string, string>;
  changes?: OutputChange[];
}

export interface Registry {
  about?: string;
  links: CitedLink[];
}

/** The value each output must show now: its newest change, or the value first recorded. */
export function expectedOutputs(link: CitedLink): Record<string, string> {
  const want = { ...link.outputs };
  const changes = [...(link.changes ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  for (const c of changes) want[c.output] = c.new;
  return want;
}

/** Every change of every link, newest first, for the changelog. */
export function allChanges(registry: Registry): (OutputChange & { url: string; widget: string })[] {
  return registry.links
    .flatMap((l) => (l.changes ?? []).map((c) => ({ ...c, url: l.url, widget: l.widget })))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** Whether a shown data-value is the recorded one. Numbers must agree to 12 significant digits:
 * JavaScript engines round Math.log10 and its kin differently in the last place (Firefox and the
 * npm Chromium 153 give 3300812.794118117 where Node gives 3300812.7941181166), and a sum that
 * cancels (odds: log₁₀(1/3) + 0.5) carries that difference into its leading digits. No reader sees
 * such a difference and no model change is that small. Anything else must match exactly. */
export function sameRecordedValue(shown: string | undefined, recorded: string): boolean {
  if (shown === recorded) return true;
  if (shown === undefined || shown.trim() === '' || recorded.trim() === '') return false;
  const a = Number(shown);
  const b = Number(recorded);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/** Each recorded output that `shown` (name → value, as a page or a model gives it) does not match,
 * as "URL name: recorded R, shows S". */
export function mismatchedOutputs(link: CitedLink, shown: Record<string, string>): string[] {
  return Object.entries(expectedOutputs(link))
    .filter(([name, value]) => !sameRecordedValue(shown[name], value))
    .map(([name, value]) => `${link.url} ${name}: recorded ${value}, shows ${shown[name]}`);
}
