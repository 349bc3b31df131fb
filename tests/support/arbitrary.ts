// fast-check arbitraries generated from a model's schema, so property tests cover every
// parameter's whole range (edges included) without restating the ranges.
import fc from 'fast-check';
import type { Model, Param, Schema, Value, Values } from '../../src/core/schema';
import { clampNumber } from '../../src/core/schema';

export function arbitraryValue(p: Param): fc.Arbitrary<Value> {
  switch (p.kind) {
    case 'number': {
      const base =
        p.scale === 'log' && p.min > 0
          ? fc.double({ min: Math.log(p.min), max: Math.log(p.max), noNaN: true }).map((l) => Math.exp(l))
          : fc.double({ min: p.min, max: p.max, noNaN: true });
      const edges = fc.constantFrom(p.min, p.max, p.default);
      const nums = fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: edges }).map((v) => clampNumber(p, v));
      return p.special?.length ? fc.oneof(nums, fc.constantFrom(...p.special)) : nums;
    }
    case 'choice':
      return fc.constantFrom(...p.options.map((o) => o.value));
    case 'boolean':
      return fc.boolean();
    case 'text':
      return fc.constant(p.default);
  }
}

/** Arbitrary full parameter sets, passed through the model's normaliser. */
export function arbitraryParams<S extends Schema>(
  model: Pick<Model<S, unknown>, 'schema' | 'normalize'>,
  overrides: Partial<Record<keyof S, fc.Arbitrary<Value>>> = {},
): fc.Arbitrary<Values<S>> {
  const record: Record<string, fc.Arbitrary<Value>> = {};
  for (const [name, p] of Object.entries(model.schema)) record[name] = overrides[name] ?? arbitraryValue(p);
  return fc.record(record).map((v) => {
    const values = v as Values<S>;
    return model.normalize ? model.normalize(values).values : values;
  });
}

/** Every finite number anywhere inside a (nested) result. */
export function allNumbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x) || ArrayBuffer.isView(x)) for (const y of Array.from(x as ArrayLike<unknown>)) allNumbers(y, out);
  else if (x && typeof x === 'object') for (const y of Object.values(x)) allNumbers(y, out);
  return out;
}
