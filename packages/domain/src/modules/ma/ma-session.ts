import { z } from 'zod';
import { envelope } from '../../common/envelope';
import { labelledEnum } from '../../common/labelled-enum';
import { personNameSchema } from '../../common/person-name';
import { maliPhoneSchema } from '../../common/phone';
import {
  countSchema,
  idSchema,
  isoDateSchema,
  longTextSchema,
  sexSchema,
  shortTextSchema,
  timeSchema,
} from '../../common/primitives';

export const MA_SESSION_VERSION = 1;

export const facilitatorRole = labelledEnum({
  animateur_ong: 'Animateur ONG',
  relais: 'Relais communautaire',
  agent_utgfs: 'Agent UTGFS',
});
export const attendanceStatus = labelledEnum({
  present: 'Présent',
  absent: 'Absent',
  excused: 'Excusé',
});
/** Languages of the session (ISO 639 codes where they exist). */
export const sessionLanguage = labelledEnum({
  bm: 'Bambara',
  ff: 'Fulfulde (peul)',
  dogon: 'Dogon',
  khq: 'Songhay (koyra chiini)',
  ses: 'Songhay (koyraboro senni)',
  taq: 'Tamasheq',
  bozo: 'Bozo',
  fr: 'Français',
  autre: 'Autre',
});

/** One line per beneficiary household: `id` is the household's id, so a household has one line. */
export const maAttendanceLineSchema = z.object({
  id: idSchema,
  householdCode: z.string().trim().min(1).max(40),
  expected: z.boolean(),
  status: attendanceStatus.schema,
  /**
   * The household's titulaire (the transfer's recipient) came: the roll call's default « qui est
   * venu », known by name even when the household's roster is not on the tablet.
   */
  attendeeIsTitulaire: z.boolean().optional(),
  /** Roster number of the attendee in the beneficiary household. */
  attendeeMemberNo: z.number().int().min(1).max(99).optional(),
  /** Someone outside the known roster attended for the household (usually for the titulaire). */
  substitute: z
    .object({
      name: personNameSchema,
      relation: shortTextSchema,
      sex: sexSchema,
      ageYears: z.number().int().min(0).max(110).optional(),
    })
    .optional(),
  /** The facilitator confirmed an attendee younger than 15. */
  minorAttendeeConfirmed: z.boolean().optional(),
  absenceReason: shortTextSchema.optional(),
});
export type MaAttendanceLine = z.infer<typeof maAttendanceLineSchema>;

export const maSessionSchema = z.object({
  ...envelope('ma_session', MA_SESSION_VERSION),
  date: isoDateSchema,
  startTime: timeSchema,
  durationMin: z.number().int().min(5).max(600),
  /** Theme codes from `ProgramSettings.maThemes`. */
  themes: z.array(z.string().min(1)).min(1),
  sessionNo: z.number().int().min(1).max(200),
  facilitator: z.object({
    name: personNameSchema,
    role: facilitatorRole.schema,
    phone: maliPhoneSchema.optional(),
  }),
  partnerNgo: shortTextSchema.optional(),
  languageUsed: sessionLanguage.schema,
  place: shortTextSchema,
  supportsUsed: z.array(shortTextSchema).optional(),
  /** Non-beneficiary attendees, by sex. */
  menCount: countSchema,
  womenCount: countSchema,
  observations: longTextSchema.optional(),
  attendance: z.array(maAttendanceLineSchema).max(1000),
});
export type MaSession = z.infer<typeof maSessionSchema>;
