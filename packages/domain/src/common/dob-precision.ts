import { labelledEnum } from './labelled-enum';

/** How well a date of birth is known: asked wherever a person's age comes from a date (roster, PNP). */
export const dobPrecision = labelledEnum({
  exacte: 'Exacte',
  mois: 'Mois',
  annee: 'Année',
  estimee: 'Estimée',
});
