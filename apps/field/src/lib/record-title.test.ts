import {
  buildCiblageHousehold,
  buildHimoWorker,
  buildMaSession,
  buildPnpEnrolment,
} from '@jigi/domain/testing';
import { describe, expect, it } from 'vitest';
import { recordTitle } from './record-title';

describe('recordTitle', () => {
  it('names each record type the way field staff know it', () => {
    expect(recordTitle(buildCiblageHousehold())).toBe('Amadou Guindo · KOR-DIO-001-AK-0001');
    expect(recordTitle(buildPnpEnrolment())).toBe('Fatoumata Ongoïba · KOR-DIO-001-AK-0001');
    expect(recordTitle(buildHimoWorker())).toBe('Amadou Guindo · KOR-DIO-001-AK-0001');
    expect(recordTitle(buildMaSession())).toBe('12/03/2026');
  });
});
