// Public surface of @jigi/domain: record schemas, the pure rules over them, normalisers, formatting and
// the admin-area list. No I/O, no clock, no randomness (time and reference data come in as arguments).

export { labelledEnum } from './common/labelled-enum';
export * from './common/primitives';
export {
  findContentProblem,
  fieldNameOf,
  MAX_JSON_DEPTH,
  replaceUnsafeCharacters,
  unsafeCharacterIn,
  type ContentProblem,
} from './common/safe-content';
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
export {
  parseBirthDateFr,
  formatBirthDateFr,
  APPROXIMATE_MONTH_DAY,
  APPROXIMATE_YEAR_MONTH,
  APPROXIMATE_YEAR_DAY,
  type TypedPrecision,
} from './common/birth-date';
export { ageInMonths, ageInYears, daysBetween, parseIsoDate } from './common/dates';

export * from './settings/program-settings';
export * from './reference/reference-data';

export * as ciblageOptions from './modules/ciblage/ciblage-enums';
export * from './modules/ciblage/ciblage-household';
export * from './modules/assembly/assembly-validation';
export { validatedLines } from './modules/assembly/assembly-rules';
export * from './modules/ma/ma-session';
export * from './modules/pnp/pnp-enrolment';
export * from './modules/himo/himo-records';
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
} from './modules/ciblage/ciblage-roster-rules';
export { MA_ATTENDEE_MIN_AGE, titulaireMember } from './modules/ma/ma-rules';
export { PNP_CHILD_MAX_MONTHS, PNP_MUAC_FROM_MONTHS } from './modules/pnp/pnp-rules';
export * from './rules/muac';
export {
  earlierSheetOfDay,
  findDuplicateActiveWorkers,
  HIMO_AGE_MIN,
  HIMO_AGE_MAX,
  HIMO_AGE_WARN,
  type DuplicateActiveWorkers,
} from './modules/himo/himo-rules';
export {
  attendanceDayValue,
  computeDaysWorked,
  himoAmount,
  himoPay,
  himoSheetPay,
  type HimoPay,
  type HimoPayLine,
  type HimoPaySheet,
} from './modules/himo/himo-pay';
export { fieldLabels } from './rules/field-labels';
export { fromZodIssues } from './rules/zod-issues';
export {
  questionApplies,
  MARITAL_STATUS_MIN_AGE,
  SCHOOL_ATTENDANCE_MIN_AGE,
  SCHOOL_ATTENDANCE_MAX_AGE,
  EDUCATION_LEVEL_MIN_AGE,
  MAIN_ACTIVITY_MIN_AGE,
  PREGNANCY_MIN_AGE,
  PREGNANCY_MAX_AGE,
  type Person,
  type PersonQuestion,
} from './rules/person-questions';
export { gpsRules, MALI_BOUNDS, GPS_MAX_ACCURACY_M } from './rules/location-rules';
export { villageInZones } from './rules/village-scope';

// Programme modules as data. The manifests name modules and record types without loading a schema
// (the tablet's shell reads them); the registry holds the full descriptors.
export type * from './modules/module-descriptor';
export { sectionShown } from './modules/module-descriptor';
export {
  moduleManifests,
  moduleIdOfRecordType,
  recordTypesWritableBy,
  modulesCapturedBy,
  type ModuleId,
} from './modules/manifests';
export {
  captureRoles,
  reviewerRoles,
  isCaptureRole,
  type CaptureRole,
  type ReviewerRole,
} from './modules/roles';
export {
  modules,
  recordTypeDescriptors,
  recordTypeDescriptor,
  moduleOfRecordType,
  moduleById,
  type AnyRecordTypeDescriptor,
} from './modules/registry';
export {
  exportTablesOf,
  pathHeader,
  recordTableFixedColumns,
  reviewStatusLabels,
} from './modules/record-type';
export { computeIndicator, type IndicatorInput, type IndicatorRow } from './modules/indicators';
export { recordSearchWords } from './modules/record-search';
export { headOfHouseholdName, isFailedVisit } from './modules/ciblage/ciblage-module';

export * from './admin/admin-areas';
export { maliAdminSchema, communeAliases, type MaliAdminData } from './admin/admin-data';
