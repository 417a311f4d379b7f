import { describe, expect, it } from 'vitest';
import { demoPmtFormula } from './demo-formula';
import { pmtFormulaSchema, zoneTypeOf, type PmtFormulaInput } from './pmt-formula';

const base: PmtFormulaInput = {
  version: '2026-1',
  label: 'Formule 2026',
  demo: false,
  indicators: [
    { id: 'taille', label: 'Taille', source: { kind: 'householdSize' } },
    {
      id: 'toit_tole',
      label: 'Toit en tôle',
      source: { kind: 'answerIn', path: 'dwelling.roof', in: ['tole'] },
    },
  ],
  models: [{ zoneType: 'default', constant: 10, coefficients: { taille: -0.1, toit_tole: 0.2 } }],
};

function messages(input: unknown): string[] {
  const result = pmtFormulaSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('PMT formula schema', () => {
  it('accepts a formula with indicators, a model and no zone table', () => {
    const formula = pmtFormulaSchema.parse(base);
    expect(formula.zones).toEqual([]);
  });

  it('names a coefficient of an indicator the formula does not define', () => {
    const input = {
      ...base,
      models: [{ zoneType: 'default', constant: 1, coefficients: { inconnu: 1 } }],
    };
    expect(messages(input)).toEqual([
      'models.0.coefficients.inconnu: Coefficient d’un indicateur inconnu : « inconnu » n’est pas dans la liste des indicateurs.',
    ]);
  });

  it('refuses an indicator defined twice and two models for one zone type', () => {
    const input = {
      ...base,
      indicators: [base.indicators[0], base.indicators[0]],
      models: [base.models[0], base.models[0]],
    };
    const found = messages(input);
    expect(found).toContain('indicators.1.id: L’indicateur « taille » est défini deux fois.');
    expect(found).toContain('models.1.zoneType: Deux modèles pour le type de zone « default ».');
  });

  it('refuses a zone pointing at a zone type without a model', () => {
    const input = { ...base, zones: [{ areaCode: 'gao', zoneType: 'nord' }] };
    expect(messages(input)).toEqual([
      'zones.0.zoneType: Aucun modèle pour le type de zone « nord ».',
    ]);
  });

  it('refuses an unknown indicator kind, a bad path and a non-finite coefficient', () => {
    expect(
      messages({
        ...base,
        indicators: [{ id: 'x', label: 'x', source: { kind: 'magic' } }],
      }).length,
    ).toBeGreaterThan(0);
    expect(
      messages({
        ...base,
        indicators: [{ id: 'x', label: 'x', source: { kind: 'number', path: 'dwelling..roof' } }],
        models: [{ zoneType: 'default', constant: 1, coefficients: {} }],
      })[0],
    ).toMatch(/^indicators\.0\.source\.path: Chemin de réponse/);
    expect(
      messages({
        ...base,
        models: [{ zoneType: 'default', constant: Number.NaN, coefficients: {} }],
      })[0],
    ).toMatch(/^models\.0\.constant/);
  });

  it('reads a village’s zone type from the longest matching area code', () => {
    const formula = pmtFormulaSchema.parse({
      ...base,
      models: [
        ...base.models,
        { zoneType: 'nord', constant: 1, coefficients: {} },
        { zoneType: 'urbain', constant: 1, coefficients: {} },
      ],
      zones: [
        { areaCode: 'gao', zoneType: 'nord' },
        { areaCode: 'gao.gao.gao', zoneType: 'urbain' },
      ],
    });
    expect(zoneTypeOf(formula, 'gao.gao.gabero')).toBe('nord');
    expect(zoneTypeOf(formula, 'gao.gao.gao')).toBe('urbain');
    // A prefix matches whole segments only: « gaoua » is not in « gao ».
    expect(zoneTypeOf(formula, 'gaoua.x.y')).toBe('default');
    expect(zoneTypeOf(formula, 'mopti.koro.dioungani')).toBe('default');
  });

  it('ships a demo formula that is valid and marked « démo »', () => {
    expect(demoPmtFormula.demo).toBe(true);
    expect(demoPmtFormula.label).toMatch(/démo/i);
    expect(pmtFormulaSchema.safeParse(demoPmtFormula).success).toBe(true);
  });
});
