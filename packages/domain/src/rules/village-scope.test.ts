import { describe, expect, it } from 'vitest';
import { villageInZones } from './village-scope';

const dioungani = { id: 'village-dioungani', communeCode: 'mopti.koro.dioungani' };

describe('villageInZones', () => {
  it('takes a village in an admin area of the zones, or named by its id', () => {
    expect(villageInZones(dioungani, ['mopti.koro'])).toBe(true);
    expect(villageInZones(dioungani, ['mopti'])).toBe(true);
    expect(villageInZones(dioungani, ['village-dioungani'])).toBe(true);
    expect(villageInZones(dioungani, ['gao.gao', 'mopti.kor'])).toBe(false);
    expect(villageInZones(dioungani, [])).toBe(false);
  });
});
