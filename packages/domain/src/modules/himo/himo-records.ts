import { z } from 'zod';
import { envelope, gpsSchema } from '../../common/envelope';
import { labelledEnum } from '../../common/labelled-enum';
import { ninaSchema } from '../../common/nina';
import { personNameSchema } from '../../common/person-name';
import { maliPhoneSchema } from '../../common/phone';
import {
  fcfaSchema,
  idSchema,
  isoDateSchema,
  sexSchema,
  shortTextSchema,
} from '../../common/primitives';

export const HIMO_WORKER_VERSION = 1;
export const HIMO_ATTENDANCE_VERSION = 1;
export const HIMO_PAYMENT_VERSION = 1;

export const microprojectType = labelledEnum({
  ensemencement: 'Ensemencement des sites et pâturages',
  points_eau: 'Approfondissement / entretien des points d’eau',
  cultures_fourrageres: 'Cultures fourragères / protection des cultures',
  cordons_pierreux: 'Cordons pierreux',
  feux_brousse: 'Gestion des feux de brousse',
  dechets_plastiques: 'Collecte des déchets plastiques',
  curage_caniveaux: 'Curage des caniveaux',
  pistes: 'Réhabilitation de pistes',
  reboisement: 'Reboisement / demi-lunes / zaï',
  curage_mares: 'Curage de mares',
  digues: 'Digues / diguettes',
  pare_feux: 'Pare-feux',
  autre: 'Autre',
});
export const himoAttendanceStatus = labelledEnum({
  present: 'Présent',
  absent: 'Absent',
  half_day: 'Demi-journée',
});
export const paymentMode = labelledEnum({
  especes: 'Espèces',
  orange_money: 'Orange Money',
  moov_money: 'Moov Money',
});

/** Reference data (admin-made): one public-works microproject. */
export const himoMicroprojectSchema = z.object({
  projectId: idSchema,
  name: shortTextSchema,
  type: microprojectType.schema,
  communeCode: z.string().min(1),
  villageIds: z.array(z.string().min(1)).min(1),
  gps: gpsSchema.optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  plannedDays: z.number().int().min(1).max(366),
  plannedWorkers: z.number().int().min(1).max(10000),
  dailyWageFcfa: fcfaSchema,
  ngo: shortTextSchema.optional(),
  chefChantier: personNameSchema.optional(),
});
export type HimoMicroproject = z.infer<typeof himoMicroprojectSchema>;

/** One worker on one microproject's roll. */
export const himoWorkerSchema = z.object({
  ...envelope('himo_worker', HIMO_WORKER_VERSION),
  projectId: idSchema,
  householdId: idSchema,
  householdCode: z.string().trim().min(1).max(40),
  memberNo: z.number().int().min(1).max(99).optional(),
  name: personNameSchema,
  sex: sexSchema,
  age: z.number().int().min(0).max(110),
  nina: ninaSchema.optional(),
  phone: maliPhoneSchema.optional(),
  isSubstitute: z.boolean(),
  /** The worker record this one replaces (must be of the same household). */
  replacesWorkerId: idSchema.optional(),
  substituteReason: shortTextSchema.optional(),
  isPregnant: z.boolean().optional(),
  active: z.boolean(),
});
export type HimoWorker = z.infer<typeof himoWorkerSchema>;

/** One attendance line; `id` is the worker record's id, so a worker has one line per sheet. */
export const himoAttendanceLineSchema = z.object({
  id: idSchema,
  status: himoAttendanceStatus.schema,
  task: shortTextSchema.optional(),
});
export type HimoAttendanceLine = z.infer<typeof himoAttendanceLineSchema>;

/** One day's attendance sheet of one microproject. */
export const himoAttendanceSchema = z.object({
  ...envelope('himo_attendance', HIMO_ATTENDANCE_VERSION),
  projectId: idSchema,
  date: isoDateSchema,
  lines: z.array(himoAttendanceLineSchema).max(2000),
});
export type HimoAttendance = z.infer<typeof himoAttendanceSchema>;

/** Pay of one worker over a period. `daysWorked` is computed from the sheets (half day = 0.5). */
export const himoPaymentSchema = z.object({
  ...envelope('himo_payment', HIMO_PAYMENT_VERSION),
  projectId: idSchema,
  workerId: idSchema,
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  daysWorked: z.number().min(0).max(366).multipleOf(0.5),
  dailyWageFcfa: fcfaSchema,
  amountFcfa: fcfaSchema,
  /** A manual amount; the justification is shown to the supervisor. */
  override: z
    .object({ amountFcfa: fcfaSchema, justification: z.string().trim().min(5).max(500) })
    .optional(),
  paidDate: isoDateSchema.optional(),
  mode: paymentMode.schema,
  txnRef: z.string().trim().min(1).max(60).optional(),
  paidTo: personNameSchema.optional(),
});
export type HimoPayment = z.infer<typeof himoPaymentSchema>;
