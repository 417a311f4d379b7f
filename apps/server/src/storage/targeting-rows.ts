// Rows of the targeting tables (migration 6 on SQLite, 2 on PostgreSQL): PMT formula versions, their
// adoptions, the scores they gave, and the register of enrolled households. Plain data, the same for
// both backends (store.ts).
import type { Json, JsonObject } from '@jigi/sync';

export type PmtFormulaRow = {
  version: string;
  label: string;
  demo: boolean;
  /** The formula as uploaded (pmtFormulaSchema): confidential coefficients. */
  data: JsonObject;
  uploadedBy: string;
  uploadedAt: string;
};

export type PmtAdoptionRow = { formulaVersion: string; adoptedBy: string; adoptedAt: string };

export type PmtScoreOutcome = 'scored' | 'missing_answers' | 'no_model';

/** One household record, at one of its versions, scored by one formula version. Never updated. */
export type PmtScoreRow = {
  recordId: string;
  recordVersion: number;
  formulaVersion: string;
  villageId: string;
  outcome: PmtScoreOutcome;
  score: number | null;
  zoneType: string;
  /** Indicator values, imputed or missing indicators. */
  detail: JsonObject;
  computedAt: string;
};

export type EnrolmentState = 'enrolled' | 'suspended' | 'exited';

/** A household of the register; `data` holds the domain's enrolment (register module). */
export type EnrolmentRow = {
  id: string;
  villageId: string;
  householdCode: string;
  ciblageRecordId: string;
  state: EnrolmentState;
  data: JsonObject;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type EnrolmentEventRow = {
  enrolmentId: string;
  action: string;
  before: Json;
  after: Json;
  userId: string;
  at: string;
};
