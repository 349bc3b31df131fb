// Every widget's parameter schema, read from the model files (Node side, for browser tests).
import type { Schema } from '../../src/core/schema';

const modules = import.meta.glob<{ model?: { id: string; schema: Schema } }>('../../src/models/*.ts', { eager: true });

export function catalogSchemas(): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const m of Object.values(modules)) if (m.model?.id) out[m.model.id] = m.model.schema;
  return out;
}
