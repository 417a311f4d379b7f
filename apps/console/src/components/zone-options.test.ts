import { describe, expect, it } from 'vitest';
import { zoneOptions } from './zone-options';

const villages = [
  { id: 'v-dio', name: 'Dioungani', communeCode: 'mopti.koro.dioungani' },
  { id: 'v-seg', name: 'Ségué', communeCode: 'mopti.bankass.segue' },
  { id: 'v-gab', name: 'Gabero', communeCode: 'gao.gao.gabero' },
];

describe('zoneOptions', () => {
  it('a cercle supervisor gets the cercle, its communes that have villages, and those villages only', () => {
    expect(zoneOptions(['mopti.koro'], villages)).toEqual([
      { value: 'mopti.koro', label: 'Koro', depth: 0 },
      { value: 'mopti.koro.dioungani', label: 'Dioungani', depth: 1 },
      { value: 'v-dio', label: 'Dioungani', depth: 2 },
    ]);
  });
  it('a region supervisor gets the region, then cercles and communes with villages', () => {
    const values = zoneOptions(['mopti'], villages).map((o) => o.value);
    expect(values).toEqual([
      'mopti',
      'mopti.bankass',
      'mopti.bankass.segue',
      'v-seg',
      'mopti.koro',
      'mopti.koro.dioungani',
      'v-dio',
    ]);
    expect(values.some((v) => v.startsWith('gao') || v === 'v-gab')).toBe(false);
  });
  it('a zone that is a village id is named from the scope', () => {
    expect(zoneOptions(['v-seg', 'unknown-village'], villages)).toEqual([
      { value: 'v-seg', label: 'Ségué', depth: 0 },
      { value: 'unknown-village', label: 'unknown-village', depth: 0 },
    ]);
  });
});
