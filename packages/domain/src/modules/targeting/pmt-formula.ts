import { z } from 'zod';

// A PMT formula as data: the administrator uploads a version, the server scores with it. Nothing in
// the code knows a coefficient; the weights are confidential and live only in the server's database.
// Score = constant + Σ coefficient × indicator, one model per zone type (rural / urbain / agro-
// ecological zones…), the zone of a village read from its commune code by the formula's own table.

const indicatorIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'Identifiant : minuscules, chiffres et _ (ex. « toit_tole »).');

/** A dotted path into a ciblage household (`dwelling.roof`, `assets.radio`). */
const answerPathSchema = z
  .string()
  .regex(
    /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/,
    'Chemin de réponse (ex. « dwelling.roof »).',
  );

const codeListSchema = z.array(z.union([z.string().min(1), z.boolean()])).min(1);

/** Which roster members an indicator counts. Every condition given must hold. */
export const memberWhereSchema = z
  .object({
    ageMin: z.number().int().min(0).max(110).optional(),
    ageMax: z.number().int().min(0).max(110).optional(),
    sex: z.enum(['M', 'F']).optional(),
    /** At least one Washington Group domain at « beaucoup » or « ne peut pas ». */
    disabled: z.boolean().optional(),
    chronicIllness: z.boolean().optional(),
    literate: z.boolean().optional(),
    highestLevelIn: z.array(z.string().min(1)).min(1).optional(),
    mainActivityIn: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type MemberWhere = z.infer<typeof memberWhereSchema>;

/** Where an indicator's value comes from in the ciblage answers. */
export const indicatorSourceSchema = z.discriminatedUnion('kind', [
  /** Members on the roster. */
  z.object({ kind: z.literal('householdSize') }).strict(),
  /** Members matching `where`: their count, or their share of the household (`share`). */
  z
    .object({ kind: z.literal('members'), where: memberWhereSchema, share: z.boolean().optional() })
    .strict(),
  /** 1 when the head's answer at `field` is one of `in`, else 0. */
  z
    .object({
      kind: z.literal('head'),
      field: z.enum(['sex', 'highestLevel', 'literate', 'maritalStatus', 'mainActivity']),
      in: codeListSchema,
    })
    .strict(),
  /** 1 when the answer at `path` is one of `in`, else 0 (`dwelling.roof` in [tole, beton]). */
  z.object({ kind: z.literal('answerIn'), path: answerPathSchema, in: codeListSchema }).strict(),
  /** A numeric answer, optionally capped (`assets.radio`, `foodSecurity.hungerGapMonths`). */
  z
    .object({ kind: z.literal('number'), path: answerPathSchema, max: z.number().optional() })
    .strict(),
  /** Σ weight × numeric answer (tropical livestock units, an asset index). */
  z
    .object({
      kind: z.literal('weightedSum'),
      terms: z.array(z.object({ path: answerPathSchema, weight: z.number() }).strict()).min(1),
    })
    .strict(),
]);
export type IndicatorSource = z.infer<typeof indicatorSourceSchema>;

export const indicatorTransform = ['none', 'log', 'log1p', 'perCapita'] as const;

export const pmtIndicatorSchema = z
  .object({
    id: indicatorIdSchema,
    /** French name, for the console (never shown on a tablet). */
    label: z.string().trim().min(1).max(200),
    source: indicatorSourceSchema,
    /** `log` (of a value ≥ 1), `log1p`, or the value divided by household size. */
    transform: z.enum(indicatorTransform).optional(),
    /**
     * The value used when the answer is missing. Absent: a missing answer leaves the household
     * unscored (excluded, with the indicators named) rather than scored on a guess.
     */
    ifMissing: z.number().optional(),
  })
  .strict();
export type PmtIndicator = z.infer<typeof pmtIndicatorSchema>;

export const pmtModelSchema = z
  .object({
    /** `default` is the model of villages whose zone the formula's table does not name. */
    zoneType: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    constant: z.number(),
    /** Coefficient by indicator id; an indicator a model does not name weighs 0 in it. */
    coefficients: z.record(indicatorIdSchema, z.number()),
  })
  .strict();
export type PmtModel = z.infer<typeof pmtModelSchema>;

export const pmtFormulaSchema = z
  .object({
    /** The version the scores keep (`2026-1`); unique on the server. */
    version: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
        'Version : lettres, chiffres, . _ - (ex. 2026-1).',
      ),
    label: z.string().trim().min(1).max(200),
    /** A formula with made-up weights, for demonstration: marked « démo » everywhere. */
    demo: z.boolean(),
    /** What the score estimates (for the console's page). */
    description: z.string().trim().max(2000).optional(),
    indicators: z.array(pmtIndicatorSchema).min(1).max(200),
    models: z.array(pmtModelSchema).min(1).max(20),
    /** The zone type of a village by admin-area code; the longest matching code wins. */
    zones: z
      .array(
        z
          .object({
            areaCode: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/),
            zoneType: z.string().min(1),
          })
          .strict(),
      )
      .max(2000)
      .default([]),
  })
  .strict()
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.indicators.forEach((indicator, i) => {
      if (ids.has(indicator.id))
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'id'],
          message: `L’indicateur « ${indicator.id} » est défini deux fois.`,
        });
      ids.add(indicator.id);
    });
    const zoneTypes = new Set<string>();
    f.models.forEach((model, i) => {
      if (zoneTypes.has(model.zoneType))
        ctx.addIssue({
          code: 'custom',
          path: ['models', i, 'zoneType'],
          message: `Deux modèles pour le type de zone « ${model.zoneType} ».`,
        });
      zoneTypes.add(model.zoneType);
      for (const id of Object.keys(model.coefficients))
        if (!ids.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['models', i, 'coefficients', id],
            message: `Coefficient d’un indicateur inconnu : « ${id} » n’est pas dans la liste des indicateurs.`,
          });
    });
    f.zones.forEach((zone, i) => {
      if (!zoneTypes.has(zone.zoneType))
        ctx.addIssue({
          code: 'custom',
          path: ['zones', i, 'zoneType'],
          message: `Aucun modèle pour le type de zone « ${zone.zoneType} ».`,
        });
    });
  });
export type PmtFormula = z.infer<typeof pmtFormulaSchema>;
export type PmtFormulaInput = z.input<typeof pmtFormulaSchema>;

/** The zone type of a commune under a formula: its longest matching area code, else `default`. */
export function zoneTypeOf(formula: Pick<PmtFormula, 'zones'>, communeCode: string): string {
  let best: { length: number; zoneType: string } | undefined;
  for (const zone of formula.zones) {
    const matches = communeCode === zone.areaCode || communeCode.startsWith(`${zone.areaCode}.`);
    if (matches && (!best || zone.areaCode.length > best.length))
      best = { length: zone.areaCode.length, zoneType: zone.zoneType };
  }
  return best?.zoneType ?? 'default';
}
