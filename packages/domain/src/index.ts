// Public surface of @jigi/domain: record schemas, the pure rules over them, normalisers, formatting and
// the admin-area list. No I/O, no clock, no randomness (time and reference data come in as arguments).

export { labelledEnum } from './common/labelled-enum';
export * from './common/primitives';
export { envelope, envelopeShape, gpsSchema, type Gps } from './common/envelope';
export { personNameSchema, PERSON_NAME_MAX } from './common/person-name';
export {
  normalizeMaliPhone,
  maliPhoneSchema,
  formatMaliPhone,
  type PhoneError,
} from './common/phone';
export { normalizeNina, ninaSchema, NINA_PATTERN, type NinaError } from './common/nina';
export { searchKey } from './common/search-key';
export { formatFcfa, parseFcfa, formatDateFr, parseDateFr, FCFA_SEPARATOR } from './common/format';
export { ageInMonths, ageInYears, daysBetween, parseIsoDate } from './common/dates';

export * from './settings/program-settings';
export * from './reference/reference-data';

export * as ciblageOptions from './records/ciblage-enums';
export * from './records/ciblage-household';
export * from './records/ma-session';
export * from './records/pnp-enrolment';
export * from './records/himo';
export * from './records/field-record';
export { migrateRecord, type MigrationError, type MigratedRecord } from './migrations/migrate';

export type { Issue, Severity, RuleContext, ValidationResult, Draft } from './rules/issue';
export { validateRecord, validateDraft, type ValidateOptions } from './rules/validate';
export { isCriticalPath } from './rules/critical-paths';
export {
  householdSize,
  memberAge,
  HEAD_MIN_AGE,
  HEAD_ADULT_AGE,
  RESPONDENT_MIN_AGE,
  MOTHER_CHILD_MIN_GAP,
} from './rules/ciblage-roster-rules';
export { MA_ATTENDEE_MIN_AGE } from './rules/ma-rules';
export { PNP_CHILD_MAX_MONTHS, PNP_MUAC_FROM_MONTHS } from './rules/pnp-rules';
export * from './rules/muac';
export {
  findDuplicateActiveWorkers,
  computeDaysWorked,
  himoAmount,
  HIMO_AGE_MIN,
  HIMO_AGE_MAX,
  HIMO_AGE_WARN,
  type DuplicateActiveWorkers,
} from './rules/himo-rules';
export { fieldLabels } from './rules/field-labels';
export { gpsRules, MALI_BOUNDS, GPS_MAX_ACCURACY_M } from './rules/location-rules';

export * from './admin/admin-areas';
export { maliAdminSchema, communeAliases, type MaliAdminData } from './admin/admin-data';
