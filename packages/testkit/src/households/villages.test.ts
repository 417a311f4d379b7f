import { getArea, villageSchema } from '@jigi/domain';
import { describe, expect, it } from 'vitest';
import { generatedVillages } from './villages';

describe('generatedVillages', () => {
  it('sit in real communes of the admin list, with unique ids and code prefixes', () => {
    for (const v of generatedVillages) expect(getArea(v.communeCode), v.communeCode).toBeDefined();
    expect(new Set(generatedVillages.map((v) => v.id)).size).toBe(generatedVillages.length);
    expect(new Set(generatedVillages.map((v) => v.codePrefix)).size).toBe(generatedVillages.length);
  });

  it('can be stored as reference villages', () => {
    for (const v of generatedVillages) {
      expect(
        villageSchema.safeParse({
          id: v.id,
          name: v.name,
          communeCode: v.communeCode,
          demo: true,
          pnp: false,
        }).success,
      ).toBe(true);
    }
  });
});
