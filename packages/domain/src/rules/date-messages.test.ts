import { describe, expect, it } from 'vitest';
import { defaultProgramSettings } from '../settings/program-settings';
import {
  buildCiblageHousehold,
  buildMember,
  buildHimoAttendance,
  buildMaSession,
  buildPnpEnrolment,
  sampleRuleContext,
} from '../testing/sample-records';
import { validateRecord } from './validate';

const ctx = sampleRuleContext();
const dateMessages = (record: unknown, c = ctx) =>
  validateRecord(record, c)
    .issues.map((i) => i.message)
    .filter((m) => /\d{4}/.test(m));

describe('date error messages use the format the field shows (jj/mm/aaaa)', () => {
  it('dates after today, outside the campaign or the works, and a malformed date', () => {
    const messages = [
      ...dateMessages(buildCiblageHousehold({ interviewDate: '2026-03-16' })),
      ...dateMessages(
        buildCiblageHousehold({ interviewDate: '2026-01-10' }),
        sampleRuleContext({
          settings: {
            ...defaultProgramSettings,
            campaign: { start: '2026-02-01', end: '2026-04-30' },
          },
        }),
      ),
      ...dateMessages(buildPnpEnrolment({ visitDate: '2026-03-16' })),
      ...dateMessages(buildMaSession({ date: '2026-03-16' })),
      ...dateMessages(buildHimoAttendance({ date: '2026-03-16' })),
      ...dateMessages(buildHimoAttendance({ date: '2025-01-01' })),
    ];
    expect(messages).toEqual([
      'Date de l’entretien : ne peut pas être après aujourd’hui (16/03/2026 > 15/03/2026).',
      'Date de l’entretien : en dehors de la campagne (du 01/02/2026 au 30/04/2026).',
      'Date de visite : ne peut pas être après aujourd’hui (16/03/2026 > 15/03/2026).',
      'Date : une séance ne peut pas être après aujourd’hui (16/03/2026 > 15/03/2026).',
      'Date : une feuille de présence ne peut pas être après aujourd’hui (16/03/2026).',
      expect.stringMatching(
        /^Date : en dehors du chantier \(du \d\d\/\d\d\/\d{4} au \d\d\/\d\d\/\d{4}\)\.$/,
      ),
    ]);
    expect(
      validateRecord(buildCiblageHousehold({ interviewDate: '31/02' }), ctx).issues[0]?.message,
    ).toBe('Date de l’entretien : date au format jj/mm/aaaa attendue.');
  });

  it('a malformed birth date names the approximate formats too', () => {
    const h = buildCiblageHousehold({
      members: [buildMember({ dob: 'mars 2019', dobPrecision: 'mois' })],
    });
    expect(validateRecord(h, ctx).issues.find((i) => i.path.endsWith('.dob'))?.message).toMatch(
      /date au format jj\/mm\/aaaa, mm\/aaaa ou aaaa attendue\.$/,
    );
  });
});
