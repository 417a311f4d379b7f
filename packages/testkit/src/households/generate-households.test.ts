import { fieldRecordSchema, memberAge, validateRecord } from '@jigi/domain';
import { sampleRuleContext } from '@jigi/domain/testing';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../content-hash';
import { generateHouseholds } from './generate-households';

const households = generateHouseholds({ seed: 2026, count: 400 });

describe('generateHouseholds', () => {
  it('makes records that the domain accepts with no issue at all (not even a warning)', () => {
    const ctx = sampleRuleContext();
    for (const h of households) {
      expect(fieldRecordSchema.safeParse(h).success).toBe(true);
      const result = validateRecord(h, ctx);
      expect(result.issues, h.householdCode).toEqual([]);
      // Parsing changes nothing: the records are already in stored (normalised) form.
      expect(result.record).toEqual(h);
    }
  });

  it('is reproducible from the seed, and record i does not depend on count', () => {
    expect(generateHouseholds({ seed: 2026, count: 400 })).toEqual(households);
    expect(generateHouseholds({ seed: 2026, count: 50 })).toEqual(households.slice(0, 50));
    expect(contentHash(generateHouseholds({ seed: 2027, count: 400 }))).not.toBe(
      contentHash(households),
    );
  });

  it('gives unique ids and household codes', () => {
    expect(new Set(households.map((h) => h.id)).size).toBe(households.length);
    expect(new Set(households.map((h) => h.householdCode)).size).toBe(households.length);
    const memberIds = households.flatMap((h) => h.members.map((m) => m.id));
    expect(new Set(memberIds).size).toBe(memberIds.length);
  });

  it('spans 0 to 10 members, with completed interviews having at least one', () => {
    const sizes = households.map((h) => h.members.length);
    expect(Math.min(...sizes)).toBe(0);
    expect(Math.max(...sizes)).toBe(10);
    for (const h of households) expect(h.members.length > 0).toBe(h.result === 'complete');
  });

  it('carries national-language letters in names, and plausible ages', () => {
    const text = households
      .flatMap((h) => h.members.map((m) => `${m.firstName} ${m.lastName}`))
      .join(' ');
    for (const letter of ['ɛ', 'ɔ', 'ɲ', 'Ɲ', 'Ŋ', "'", '-'])
      expect(text.includes(letter), letter).toBe(true);
    for (const h of households) {
      for (const m of h.members) expect(memberAge(m, h.interviewDate)).toBeLessThanOrEqual(110);
    }
  });

  it('stays within the sizes its TSDoc announces', () => {
    const sizes = households.map((h) => Buffer.byteLength(JSON.stringify(h)));
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(Math.min(...sizes)).toBeGreaterThan(300);
    expect(Math.max(...sizes)).toBeLessThan(5000);
    expect(mean).toBeGreaterThan(2000);
    expect(mean).toBeLessThan(3200);
  });
});
