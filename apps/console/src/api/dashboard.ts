import {
  ciblageProgressSchema,
  himoSummarySchema,
  maAttendanceSchema,
  pnpSummarySchema,
  syncHealthSchema,
  type DashboardQuery,
} from '@jigi/contract';
import { apiGet } from './client';

// `GET /api/dashboard/<section>?zone=&from=&to=`: one call per panel, so a slow or failing panel never
// blanks the others. Every number is computed by the server inside the user's zones.

export const getCiblageProgress = (q: DashboardQuery, signal?: AbortSignal) =>
  apiGet('/api/dashboard/ciblage', q, ciblageProgressSchema, signal);
export const getMaAttendance = (q: DashboardQuery, signal?: AbortSignal) =>
  apiGet('/api/dashboard/ma', q, maAttendanceSchema, signal);
export const getPnpSummary = (q: DashboardQuery, signal?: AbortSignal) =>
  apiGet('/api/dashboard/pnp', q, pnpSummarySchema, signal);
export const getHimoSummary = (q: DashboardQuery, signal?: AbortSignal) =>
  apiGet('/api/dashboard/himo', q, himoSummarySchema, signal);
export const getSyncHealth = (q: DashboardQuery, signal?: AbortSignal) =>
  apiGet('/api/dashboard/sync', q, syncHealthSchema, signal);
