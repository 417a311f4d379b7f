import { describe, expect, it } from 'vitest';
import {
  buildCiblageHousehold,
  buildHimoAttendance,
  buildHimoWorker,
  buildMaSession,
  buildPnpEnrolment,
} from '../testing/sample-records';
import { recordSearchWords } from './record-search';

describe('recordSearchWords', () => {
  it('finds a record by the names and codes of its type, at any depth', () => {
    const words = recordSearchWords(buildCiblageHousehold());
    expect(words[0]).toBe('KOR-DIO-001-AK-0001');
    expect(words).toContain('Amadou');
    expect(words).toContain('Guindo');
    expect(recordSearchWords(buildPnpEnrolment())).toEqual([
      'KOR-DIO-001-AK-0001',
      'Fatoumata Ongoïba',
      'Hawa Guindo',
      'Fatoumata Ongoïba',
    ]);
    expect(recordSearchWords(buildMaSession())).toContain('Mariam Togo');
    expect(recordSearchWords(buildHimoWorker())).toEqual(['KOR-DIO-001-AK-0001', 'Amadou Guindo']);
  });

  it('has nothing to find in a sheet, nor in a record of no known type', () => {
    expect(recordSearchWords(buildHimoAttendance())).toEqual([]);
    expect(recordSearchWords({ type: 'nope', name: 'x' })).toEqual([]);
    expect(recordSearchWords({ name: 'x' })).toEqual([]);
  });
});
