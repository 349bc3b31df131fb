// Build-time helpers for the methods page: every model's schema, and every test file's text, read
// straight from the repository so the page cannot drift from the code it describes.
import type { Schema } from '../../src/core/schema';
import { superscript } from '../../src/core/format';

const models = import.meta.glob<{ schema?: Schema }>('../../src/models/*.ts', { eager: true });

/** The parameter schema of a widget's model (src/models/WIDGET.ts). */
export function schemaOf(widget: string): Schema {
  const schema = models[`../../src/models/${widget}.ts`]?.schema;
  if (!schema) throw new Error(`methods: no schema exported by src/models/${widget}.ts`);
  return schema;
}

const testSources = import.meta.glob<string>('../../tests/{models,browser}/*.test.ts', {
  eager: true,
  query: '?raw',
  import: 'default',
});

export interface TestFile {
  /** Path from the repository root, e.g. tests/models/basins.test.ts. */
  path: string;
  kind: 'models' | 'browser';
  /** The names of its test cases, in file order. */
  tests: string[];
}

/** The test names in a Vitest file: it('…'), test('…') and it.each(…)('…'). */
export function testNames(source: string): string[] {
  const names: string[] = [];
  const pattern = /\b(?:it|test)(?:\.each\([\s\S]*?\))?\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const m of source.matchAll(pattern)) {
    const name = m[2].replace(/\\(.)/g, '$1').replace(/%[isdfjo]/g, '…');
    names.push(name);
  }
  return names;
}

/** The test file tests/KIND/NAME.test.ts, or undefined when it does not exist (yet). */
export function testFile(kind: 'models' | 'browser', name: string): TestFile | undefined {
  const source = testSources[`../../tests/${kind}/${name}.test.ts`];
  if (source === undefined) return undefined;
  return { path: `tests/${kind}/${name}.test.ts`, kind, tests: testNames(source) };
}

/** A parameter value for reading: 10⁻⁵ rather than 0.00001, 1,000,000 rather than 1000000. */
export function formatParamValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const sign = x < 0 ? '−' : '';
  const ax = Math.abs(x);
  const e = Math.round(Math.log10(ax));
  if (Math.abs(ax - 10 ** e) < 1e-9 * ax && (e >= 5 || e <= -3)) return `${sign}10${superscript(e)}`;
  if (Number.isInteger(ax) && ax < 1e15) return sign + ax.toLocaleString('en-US');
  if (ax < 1e-3 || ax >= 1e6) {
    const exp = Math.floor(Math.log10(ax));
    return `${sign}${Number((ax / 10 ** exp).toPrecision(3))}×10${superscript(exp)}`;
  }
  return sign + String(Number(ax.toPrecision(4)));
}
