import { z } from 'zod';
import { zoneDayRangeQuerySchema } from './common';

// `GET /api/dashboard/<section>?zone=&from=&to=`: one call per panel, so a slow or failing panel never
// blanks the others. Every number is computed by the server inside the caller's zones.

export const dashboardQuerySchema = zoneDayRangeQuerySchema;
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const count = z.number().int().min(0);

export const ciblageProgressSchema = z.object({
  villages: z.array(
    z.object({
      villageId: z.string(),
      villageName: z.string(),
      /** Households to survey (null: no quota set for the village). */
      quota: count.nullable(),
      surveyed: count,
      /** Visits that ended without an interview (absent, refusal, moved…), and by outcome. */
      failedVisits: count,
      failedByOutcome: z.record(z.string(), count),
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
      unmeasured: count,
      referrals: count,
      women: count,
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
      /** Integer FCFA. */
      wagesDueFcfa: count,
    }),
  ),
});
export type HimoSummary = z.infer<typeof himoSummarySchema>;

export const syncHealthSchema = z.object({
  devices: z.array(
    z.object({
      deviceId: z.string(),
      /** The tablet's name as registered. */
      label: z.string(),
      userName: z.string(),
      lastSyncAt: z.string().nullable(),
      /** Unsynced records the device reported at its last sync (null: never reported). */
      unsyncedReported: count.nullable(),
      rejections: count,
      revoked: z.boolean(),
    }),
  ),
});
export type SyncHealth = z.infer<typeof syncHealthSchema>;

/** Each dashboard section and the shape it answers: the server registers one route per entry. */
export const dashboardSections = {
  ciblage: ciblageProgressSchema,
  ma: maAttendanceSchema,
  pnp: pnpSummarySchema,
  himo: himoSummarySchema,
  sync: syncHealthSchema,
} as const;
export type DashboardSection = keyof typeof dashboardSections;
