import { describe, expect, it } from 'vitest';
import {
  buildCiblageHousehold,
  buildPnpEnrolment,
  sampleRuleContext,
} from '../testing/sample-records';
import { gpsRules } from './location-rules';
import { validateRecord } from './validate';

describe('gpsRules', () => {
  it('warns outside Mali (Bamako and Gao fine, Dakar and Niamey not)', () => {
    expect(gpsRules({ lat: 12.64, lon: -8.0, accuracyM: 5 })).toEqual([]);
    expect(gpsRules({ lat: 16.27, lon: -0.04, accuracyM: 5 })).toEqual([]);
    expect(gpsRules({ lat: 14.69, lon: -17.44, accuracyM: 5 }).map((i) => i.rule)).toEqual([
      'location.gps_outside_mali',
    ]);
    expect(gpsRules({ lat: 13.51, lon: 4.4, accuracyM: 5 }).map((i) => i.rule)).toEqual([
      'location.gps_outside_mali',
    ]);
  });
  it('warns above 100 m accuracy, not at 100 m', () => {
    expect(gpsRules({ lat: 14, lon: -3, accuracyM: 100 })).toEqual([]);
    expect(gpsRules({ lat: 14, lon: -3, accuracyM: 101 })[0]).toMatchObject({
      path: 'gps.accuracyM',
      severity: 'warning',
    });
    expect(gpsRules(undefined)).toEqual([]);
  });
  it('applies to ciblage households and PNP enrolments', () => {
    const ctx = sampleRuleContext();
    expect(
      validateRecord(
        buildCiblageHousehold({ gps: { lat: 14, lon: -3, accuracyM: 150 } }),
        ctx,
      ).issues.map((i) => i.rule),
    ).toEqual(['location.gps_imprecise']);
    expect(
      validateRecord(
        buildPnpEnrolment({ gps: { lat: 48.85, lon: 2.35, accuracyM: 5 } }),
        ctx,
      ).issues.map((i) => i.rule),
    ).toEqual(['location.gps_outside_mali']);
  });
});
