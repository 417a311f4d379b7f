import { z } from 'zod';
import { apiGet } from './client';

// `GET /api/dashboard/<section>?zone=&from=&to=`: one call per panel, so a slow or failing panel never
// blanks the others. Every number is computed by the server inside the supervisor's zones.

const count = z.number().int().min(0);

export const ciblageProgressSchema = z.object({
  villages: z.array(
    z.object({
      villageId: z.string(),
      villageName: z.string(),
      quota: count.nullable(),
      surveyed: count,
    }),
  ),
});
export type CiblageProgress = z.infer<typeof ciblageProgressSchema>;

export const maAttendanceSchema = z.object({
  sessions: z.array(
    z.object({
      recordId: z.string(),
      villageName: z.string(),
      date: z.string(),
      sessionNo: count,
      expected: count,
      present: count,
    }),
  ),
  households: z.array(
    z.object({
      householdId: z.string(),
      householdCode: z.string(),
      villageName: z.string(),
      sessions: count,
      present: count,
    }),
  ),
});
export type MaAttendance = z.infer<typeof maAttendanceSchema>;

export const pnpSummarySchema = z.object({
  villages: z.array(
    z.object({
      villageId: z.string(),
      villageName: z.string(),
      red: count,
      yellow: count,
      green: count,
      unmeasured: count.default(0),
      referrals: count,
      women: count.default(0),
    }),
  ),
});
export type PnpSummary = z.infer<typeof pnpSummarySchema>;

export const himoSummarySchema = z.object({
  microprojects: z.array(
    z.object({
      projectId: z.string(),
      name: z.string(),
      workers: count,
      daysWorked: z.number().min(0),
      wagesDueFcfa: count,
    }),
  ),
});
export type HimoSummary = z.infer<typeof himoSummarySchema>;

export const syncHealthSchema = z.object({
  devices: z.array(
    z.object({
      deviceId: z.string(),
      label: z.string(),
      userName: z.string(),
      lastSyncAt: z.string().nullable(),
      /** Unsynced records the device reported at its last sync (null: never reported). */
      unsyncedReported: count.nullable(),
      rejections: count,
      revoked: z.boolean().default(false),
    }),
  ),
});
export type SyncHealth = z.infer<typeof syncHealthSchema>;

export type DashboardQuery = { zone?: string; from?: string; to?: string };

export const getCiblageProgress = (token: string, q: DashboardQuery, signal?: AbortSignal) =>
  apiGet(token, '/api/dashboard/ciblage', q, ciblageProgressSchema, signal);
export const getMaAttendance = (token: string, q: DashboardQuery, signal?: AbortSignal) =>
  apiGet(token, '/api/dashboard/ma', q, maAttendanceSchema, signal);
export const getPnpSummary = (token: string, q: DashboardQuery, signal?: AbortSignal) =>
  apiGet(token, '/api/dashboard/pnp', q, pnpSummarySchema, signal);
export const getHimoSummary = (token: string, q: DashboardQuery, signal?: AbortSignal) =>
  apiGet(token, '/api/dashboard/himo', q, himoSummarySchema, signal);
export const getSyncHealth = (token: string, q: DashboardQuery, signal?: AbortSignal) =>
  apiGet(token, '/api/dashboard/sync', q, syncHealthSchema, signal);
