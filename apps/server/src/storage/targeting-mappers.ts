// Row mapping of the targeting tables, shared by both backends: SQLite answers 0/1 where PostgreSQL
// answers booleans, and both answer REAL / DOUBLE PRECISION as numbers.
import type { JsonObject } from '@jigi/sync';
import { readJson } from './row-mappers';
import type {
  EnrolmentEventRow,
  EnrolmentRow,
  EnrolmentState,
  PmtAdoptionRow,
  PmtFormulaRow,
  PmtScoreOutcome,
  PmtScoreRow,
} from './targeting-rows';

export type FormulaDb = {
  version: string;
  label: string;
  demo: number | boolean;
  data: string;
  uploaded_by: string;
  uploaded_at: string;
};
export type AdoptionDb = { formula_version: string; adopted_by: string; adopted_at: string };
export type ScoreDb = {
  record_id: string;
  record_version: number;
  formula_version: string;
  village_id: string;
  outcome: string;
  score: number | null;
  zone_type: string;
  detail: string;
  computed_at: string;
};
export type EnrolmentDb = {
  id: string;
  village_id: string;
  household_code: string;
  ciblage_record_id: string;
  state: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
};
export type EnrolmentEventDb = {
  enrolment_id: string;
  action: string;
  before: string | null;
  after: string;
  user_id: string;
  at: string;
};

export const formulaRow = (r: FormulaDb): PmtFormulaRow => ({
  version: r.version,
  label: r.label,
  demo: r.demo === true || r.demo === 1,
  data: readJson<JsonObject>(r.data),
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
});
export const adoptionRow = (r: AdoptionDb): PmtAdoptionRow => ({
  formulaVersion: r.formula_version,
  adoptedBy: r.adopted_by,
  adoptedAt: r.adopted_at,
});
export const scoreRow = (r: ScoreDb): PmtScoreRow => ({
  recordId: r.record_id,
  recordVersion: r.record_version,
  formulaVersion: r.formula_version,
  villageId: r.village_id,
  outcome: r.outcome as PmtScoreOutcome,
  score: r.score,
  zoneType: r.zone_type,
  detail: readJson<JsonObject>(r.detail),
  computedAt: r.computed_at,
});
export const enrolmentRow = (r: EnrolmentDb): EnrolmentRow => ({
  id: r.id,
  villageId: r.village_id,
  householdCode: r.household_code,
  ciblageRecordId: r.ciblage_record_id,
  state: r.state as EnrolmentState,
  data: readJson<JsonObject>(r.data),
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
export const enrolmentEventRow = (r: EnrolmentEventDb): EnrolmentEventRow => ({
  enrolmentId: r.enrolment_id,
  action: r.action,
  before: r.before === null ? null : readJson(r.before),
  after: readJson(r.after),
  userId: r.user_id,
  at: r.at,
});

/** The columns of a score row in insert order. */
export const scoreValues = (s: PmtScoreRow): unknown[] => [
  s.recordId,
  s.recordVersion,
  s.formulaVersion,
  s.villageId,
  s.outcome,
  s.score,
  s.zoneType,
  JSON.stringify(s.detail),
  s.computedAt,
];
export const enrolmentValues = (e: EnrolmentRow): unknown[] => [
  e.id,
  e.villageId,
  e.householdCode,
  e.ciblageRecordId,
  e.state,
  JSON.stringify(e.data),
  e.version,
  e.createdAt,
  e.updatedAt,
];
