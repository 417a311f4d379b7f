import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyForCommune, agencyTransfer, paymentAgencySchema } from './payment-agencies';

const agency = (code: string, communeIds: string[]) => ({
  code,
  name: `Agence ${code}`,
  feeBasisPoints: 150,
  feeMode: 'added' as const,
  communeIds,
});

describe('agencyTransfer: fee added or included, always whole francs that add up', () => {
  it('adds or includes a 1,5 % fee', () => {
    expect(agencyTransfer(45_000, { feeBasisPoints: 150, feeMode: 'added' })).toEqual({
      toBeneficiaryFcfa: 45_000,
      feeFcfa: 675,
      toAgencyFcfa: 45_675,
    });
    expect(agencyTransfer(45_000, { feeBasisPoints: 150, feeMode: 'included' })).toEqual({
      toBeneficiaryFcfa: 44_325,
      feeFcfa: 675,
      toAgencyFcfa: 45_000,
    });
    expect(agencyTransfer(15_001, { feeBasisPoints: 50, feeMode: 'added' }).feeFcfa).toBe(75);
  });

  it('holds for any amount and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.constantFrom('added' as const, 'included' as const),
        (amount, bp, mode) => {
          const t = agencyTransfer(amount, { feeBasisPoints: bp, feeMode: mode });
          expect(t.toAgencyFcfa).toBe(t.toBeneficiaryFcfa + t.feeFcfa);
          expect(Number.isInteger(t.feeFcfa)).toBe(true);
          expect(t.toBeneficiaryFcfa).toBeGreaterThanOrEqual(0);
        },
      ),
    );
    expect(() => agencyTransfer(1.5, { feeBasisPoints: 1, feeMode: 'added' })).toThrow();
  });
});

describe('agencies', () => {
  it('validates the reference data with French messages', () => {
    expect(paymentAgencySchema.safeParse(agency('BNDA', ['mopti.koro.koro'])).success).toBe(true);
    const bad = paymentAgencySchema.safeParse({ ...agency('b n', []), feeBasisPoints: 2_500 });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['code', 'feeBasisPoints', 'communeIds']));
  });

  it('finds the one agency serving a commune and says when there are none or two', () => {
    const list = [agency('A', ['c1', 'c2']), agency('B', ['c2'])];
    expect(agencyForCommune(list, 'c1')).toMatchObject({ ok: true, agency: { code: 'A' } });
    expect(agencyForCommune(list, 'c3')).toMatchObject({ ok: false });
    const two = agencyForCommune(list, 'c2');
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.message).toContain('A, B');
  });
});
