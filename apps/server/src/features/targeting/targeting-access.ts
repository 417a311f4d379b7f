import type { UserRole } from '@jigi/sync';

/**
 * Who may see PMT scores and the ranked list: administrators (every village) and supervisors (the
 * villages of their zones). Field roles never do: a score on a tablet invites gaming the
 * questionnaire, so no route a tablet token or a field role may call carries one, the pull never
 * does, and field exports hold answers only (docs/targeting.md, « Who sees a score »).
 */
export const SCORE_ROLES = ['admin', 'supervisor'] as const satisfies readonly UserRole[];

/** Who manages PMT formulas (uploads, adopts, reads coefficients): administrators only. */
export const FORMULA_ROLES = ['admin'] as const satisfies readonly UserRole[];
