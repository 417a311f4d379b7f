import type { HimoAttendance, HimoMicroproject, HimoWorker } from '../modules/himo/himo-records';
import type { BeneficiaryHousehold } from '../reference/reference-data';
import type { ProgramSettings } from '../settings/program-settings';

/** Errors block finalising (tablet) and are rejected (server); warnings are shown and flagged for review. */
export type Severity = 'error' | 'warning';

/**
 * One finding about a record. `path` is the sync field path (docs/architecture.md §2): keyed array items
 * by their `id` (`members.<id>.ageYears`). `rule` is a stable code (safe to count and filter on);
 * `message` is French, names the field and the rule, and can be shown as is.
 */
export type Issue = { path: string; rule: string; severity: Severity; message: string };

/** The outcome of validating a record: `ok` means no error (warnings allowed). */
export type ValidationResult<R = unknown> = { ok: boolean; record?: R; issues: Issue[] };

/**
 * What rules may know besides the record. No clock, no randomness, no I/O: whoever calls passes in
 * today's date and the reference data they hold (a tablet has its villages', the server has all).
 * Optional lists: a rule that needs one is skipped when it is absent.
 */
export type RuleContext = {
  /** Today in Africa/Bamako (= UTC), `YYYY-MM-DD`. */
  today: string;
  settings: ProgramSettings;
  microprojects?: readonly HimoMicroproject[];
  /** Worker roll(s) known to the caller, for the one-active-worker and substitute rules. */
  himoWorkers?: readonly HimoWorker[];
  /** Attendance sheets, for the days worked of payments. */
  attendanceSheets?: readonly HimoAttendance[];
  /** Beneficiary households of the village, for MA attendee checks. */
  beneficiaryHouseholds?: readonly BeneficiaryHousehold[];
};

/**
 * A record as rules see it: a finished record, or a draft in progress with any field possibly missing.
 * Rules are written against drafts so the tablet can show rule errors while the form is incomplete.
 */
export type Draft<T> = T extends readonly (infer U)[]
  ? Draft<U>[]
  : T extends object
    ? { [K in keyof T]?: Draft<T[K]> | undefined }
    : T;

/** Builds an issue. */
export function issue(path: string, rule: string, severity: Severity, message: string): Issue {
  return { path, rule, severity, message };
}

/** `12` → `12 ans`; keeps messages readable. */
export function years(n: number): string {
  return `${n} an${n > 1 ? 's' : ''}`;
}
