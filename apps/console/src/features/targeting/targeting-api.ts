import {
  enrolmentOutcomeSchema,
  formulaDetailSchema,
  formulaListSchema,
  publishedAssemblySchema,
  scoreComputationSchema,
  villageRankingSchema,
  villageRegisterSchema,
} from '@jigi/contract';
import { apiGet, apiPost, seg } from '../../api/client';

// The targeting calls of the console; answers parsed with the contract's schemas.

export function getRanking(villageId: string, signal?: AbortSignal) {
  return apiGet(
    `/api/targeting/villages/${seg(villageId)}/ranking`,
    {},
    villageRankingSchema,
    signal,
  );
}

export function getRegister(villageId: string, signal?: AbortSignal) {
  return apiGet(
    `/api/targeting/villages/${seg(villageId)}/register`,
    {},
    villageRegisterSchema,
    signal,
  );
}

export function computeScores(villageId: string) {
  return apiPost('/api/targeting/scores/compute', { villageId }, scoreComputationSchema);
}

export function publishAssembly(villageId: string, assigneeId: string) {
  return apiPost(
    `/api/targeting/villages/${seg(villageId)}/assembly`,
    { assigneeId },
    publishedAssemblySchema,
  );
}

export function enrol(villageId: string, assemblyRecordId: string) {
  return apiPost(
    `/api/targeting/villages/${seg(villageId)}/enrolment`,
    { assemblyRecordId },
    enrolmentOutcomeSchema,
  );
}

/** The printable list's address (a download, opened by the browser with the session cookie). */
export function printableListUrl(villageId: string): string {
  return `/api/targeting/villages/${seg(villageId)}/assembly.pdf`;
}

export function listFormulas(signal?: AbortSignal) {
  return apiGet('/api/targeting/formulas', {}, formulaListSchema, signal);
}

/** Uploads a formula version (its JSON as the administrator wrote it); the server checks it field by field. */
export function uploadFormula(formula: unknown) {
  return apiPost('/api/targeting/formulas', formula, formulaDetailSchema);
}

export function adoptFormula(version: string) {
  return apiPost(`/api/targeting/formulas/${seg(version)}/adopt`, {}, scoreComputationSchema);
}
