import { describe, expect, it } from 'vitest';
import {
  getArea,
  isInZone,
  listCercles,
  listCommunes,
  listRegions,
  searchCommunes,
} from './admin-areas';

describe('admin areas', () => {
  it('lists regions, cercles of a region and communes of a cercle', () => {
    expect(listRegions().map((r) => r.code)).toContain('mopti');
    expect(listCercles('mopti').map((c) => c.name)).toEqual([
      'Mopti',
      'Bandiagara',
      'Bankass',
      'Djenné',
      'Douentza',
      'Koro',
      'Ténenkou',
      'Youwarou',
    ]);
    expect(listCommunes('mopti.koro')).toHaveLength(16);
    expect(listCommunes('mopti.koro')[0]).toMatchObject({
      code: 'mopti.koro.koro',
      name: 'Koro',
      level: 'commune',
      parentCode: 'mopti.koro',
    });
    expect(listCercles('mopti.koro')).toEqual([]);
    expect(listCommunes('mopti')).toEqual([]);
    expect(listCommunes('nowhere')).toEqual([]);
  });

  it('getArea knows every level', () => {
    expect(getArea('mopti')).toMatchObject({ level: 'region', name: 'Mopti' });
    expect(getArea('mopti.koro')).toMatchObject({
      level: 'cercle',
      parentCode: 'mopti',
      communesComplete: true,
    });
    expect(getArea('mopti.youwarou.ndodjiga')?.name).toBe("N'Dodjiga");
    expect(getArea('mopti.koro.nowhere')).toBeUndefined();
  });

  it('search ignores accents, case, spaces and apostrophes', () => {
    expect(searchCommunes('dialloube')[0]?.name).toBe('Dialloubé');
    expect(searchCommunes('DIALLOUBÉ')[0]?.code).toBe('mopti.mopti.dialloube');
    expect(searchCommunes('ndodjiga')[0]?.name).toBe("N'Dodjiga");
    expect(searchCommunes('ouromodi')[0]?.name).toBe('Ouro Modi');
    expect(searchCommunes('ouro-modi')[0]?.name).toBe('Ouro Modi');
    expect(searchCommunes('   ')).toEqual([]);
  });

  it('search knows the variant spellings', () => {
    expect(searchCommunes('Derary')[0]?.code).toBe('mopti.djenne.derrary');
    expect(searchCommunes('Derrary')[0]?.code).toBe('mopti.djenne.derrary');
    expect(searchCommunes('kani bozon')[0]?.code).toBe('mopti.bankass.kani-bonzon');
  });

  it('homonyms are told apart by their cercle', () => {
    const bamba = searchCommunes('bamba').filter((c) => c.name === 'Bamba');
    expect(bamba.map((c) => `${c.code} ${c.cercleName}`).sort()).toEqual([
      'gao.bourem.bamba Bourem',
      'mopti.koro.bamba Koro',
    ]);
    expect(searchCommunes('bamba')[0]?.name).toBe('Bamba'); // exact matches before « Bambara Maoudé »
  });

  it('isInZone compares whole segments', () => {
    expect(isInZone('mopti.koro.bamba', 'mopti')).toBe(true);
    expect(isInZone('mopti.koro.bamba', 'mopti.koro')).toBe(true);
    expect(isInZone('mopti.koro.bamba', 'mopti.koro.bamba')).toBe(true);
    expect(isInZone('mopti.koro.bamba', 'mopti.ko')).toBe(false);
    expect(isInZone('mopti.koro', 'mopti.koro.bamba')).toBe(false);
    expect(isInZone('gao.bourem.bamba', 'mopti')).toBe(false);
    expect(isInZone('mopti', '')).toBe(false);
  });
});
