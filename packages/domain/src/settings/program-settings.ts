import { z } from 'zod';
import { fcfaSchema, isoDateSchema } from '../common/primitives';

/** One MA theme: a stable code (stored in sessions) and its French label. */
export const maThemeSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string().min(1),
  active: z.boolean(),
});
export type MaTheme = z.infer<typeof maThemeSchema>;

/**
 * Program settings: data an administrator changes on the server and devices pull. Rules read them
 * from `RuleContext.settings`, never from constants.
 */
export const programSettingsSchema = z.object({
  maThemes: z.array(maThemeSchema).min(1),
  muac: z
    .object({
      /** A child MUAC strictly below this is red (severe acute malnutrition). */
      childRedBelowMm: z.number().int().min(70).max(250),
      /** A child MUAC strictly below this (and not red) is yellow (moderate). */
      childYellowBelowMm: z.number().int().min(70).max(250),
      /** A pregnant or breastfeeding woman below this is malnourished (210 or 230 depending on protocol). */
      womanBelowMm: z.number().int().min(150).max(300),
    })
    .refine((m) => m.childRedBelowMm < m.childYellowBelowMm, { path: ['childYellowBelowMm'] }),
  transferAmountFcfa: fcfaSchema,
  himoDefaultDailyWageFcfa: fcfaSchema,
  campaign: z.object({ start: isoDateSchema, end: isoDateSchema }).optional(),
  /** Months a household stays enrolled (DEFAULT_ENROLMENT_MONTHS, 36, when absent). */
  enrolmentMonths: z.number().int().min(1).max(120).optional(),
});
export type ProgramSettings = z.infer<typeof programSettingsSchema>;
export type MuacThresholds = ProgramSettings['muac'];

const theme = (code: string, label: string): MaTheme => ({ code, label, active: true });

/** The settings a fresh install starts from. */
export const defaultProgramSettings: ProgramSettings = {
  maThemes: [
    theme('utilisation_transfert', 'Utilisation judicieuse du transfert / gestion du budget'),
    theme('epargne', 'Épargne (EPC)'),
    theme('allaitement_exclusif', 'Allaitement maternel exclusif'),
    theme('alimentation_complement', 'Alimentation de complément (6–23 mois)'),
    theme('nutrition_femme', 'Nutrition de la femme enceinte / allaitante'),
    theme('petite_enfance', 'Petite enfance / stimulation précoce (DPE)'),
    theme('hygiene_lavage_mains', 'Hygiène et lavage des mains'),
    theme('eau_assainissement', 'Eau et assainissement'),
    theme('paludisme', 'Paludisme (MII)'),
    theme('vaccination_cpn', 'Vaccination et CPN/CPoN'),
    theme('planification_familiale', 'Planification familiale / espacement des naissances'),
    theme('etat_civil', 'État civil (déclaration des naissances)'),
    theme('scolarisation', 'Scolarisation (surtout des filles)'),
    theme('droits_enfant', 'Droits et protection de l’enfant'),
    theme('vbg', 'Violences basées sur le genre (VBG)'),
    theme('cohesion_sociale', 'Cohésion sociale'),
  ],
  muac: { childRedBelowMm: 115, childYellowBelowMm: 125, womanBelowMm: 230 },
  transferAmountFcfa: 15000,
  himoDefaultDailyWageFcfa: 2000,
};
