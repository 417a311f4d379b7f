import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { recordSchemas } from '../records/field-record';
import { fieldLabels } from './field-labels';

// Every key of every record schema, walking objects, arrays, optionals and pipes.
function keysOf(schema: z.core.$ZodType, out = new Set<string>()): Set<string> {
  const def = schema._zod.def;
  if (def.type === 'object') {
    for (const [key, child] of Object.entries((def as z.core.$ZodObjectDef).shape)) {
      out.add(key);
      keysOf(child, out);
    }
  } else if (def.type === 'array') keysOf((def as z.core.$ZodArrayDef).element, out);
  else if (def.type === 'optional') keysOf((def as z.core.$ZodOptionalDef).innerType, out);
  else if (def.type === 'pipe') keysOf((def as z.core.$ZodPipeDef).in, out);
  return out;
}

describe('fieldLabels', () => {
  it('names every field of every record type in French', () => {
    const missing = Object.values(recordSchemas)
      .flatMap((s) => [...keysOf(s)])
      .filter((k) => !(k in fieldLabels));
    expect([...new Set(missing)]).toEqual([]);
  });
});
