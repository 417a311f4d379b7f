import { describe, expect, it } from 'vitest';
import { validateRecord } from '../rules/validate';
import {
  buildCiblageHousehold,
  buildHimoAttendance,
  buildHimoPayment,
  buildHimoWorker,
  buildMaSession,
  buildPnpEnrolment,
  buildMember,
  sampleRuleContext,
} from './sample-records';

describe('sample records', () => {
  const builders = {
    buildCiblageHousehold,
    buildMaSession,
    buildPnpEnrolment,
    buildHimoWorker,
    buildHimoAttendance,
    buildHimoPayment,
  };
  for (const [name, build] of Object.entries(builders)) {
    it(`${name}() is valid with no issue at all`, () => {
      const result = validateRecord(build(), sampleRuleContext());
      expect(result.issues).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.record).toEqual(build());
    });
  }

  it('an override set to undefined removes the optional field', () => {
    expect('nickname' in buildMember({ nickname: 'Ba' })).toBe(true);
    expect('ageYears' in buildMember({ ageYears: undefined })).toBe(false);
  });
});
