import {
  attendanceStatus,
  ciblageOptions,
  dobSource,
  facilitatorRole,
  formatDateFr,
  formatFcfa,
  himoAttendanceStatus,
  paymentMode,
  referralPlace,
  sessionLanguage,
  sexLabels,
  womanStatus,
} from '@jigi/domain';
import type { Json } from '@jigi/sync';
import { formatDateTimeFr } from '../../../lib/format';

// How a stored value reads on screen, by its field name: option codes through the domain's French
// labels, dates dd/mm/yyyy, FCFA amounts `15 000 FCFA`. Always text: field-captured strings are
// rendered by React as text nodes, never as HTML.

const o = ciblageOptions;
const optionLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  result: o.interviewResult.labels,
  headIdType: o.headIdType.labels,
  residenceStatus: o.residenceStatus.labels,
  relationToHead: o.relationToHead.labels,
  dobPrecision: o.dobPrecision.labels,
  maritalStatus: o.maritalStatus.labels,
  seeing: o.wgDifficulty.labels,
  hearing: o.wgDifficulty.labels,
  walking: o.wgDifficulty.labels,
  remembering: o.wgDifficulty.labels,
  selfCare: o.wgDifficulty.labels,
  communicating: o.wgDifficulty.labels,
  attendsSchool: o.schoolAttendance.labels,
  highestLevel: o.educationLevel.labels,
  mainActivity: o.mainActivity.labels,
  occupancy: o.occupancy.labels,
  wall: o.wallMaterial.labels,
  roof: o.roofMaterial.labels,
  floor: o.floorMaterial.labels,
  water: o.waterSource.labels,
  toilet: o.toiletType.labels,
  lighting: o.lightingSource.labels,
  cookingFuel: o.cookingFuel.labels,
  tenure: o.landTenure.labels,
  shocks12m: o.shockType.labels,
  otherPrograms: o.otherProgram.labels,
  gpsUnavailableReason: o.gpsUnavailableReason.labels,
  sex: sexLabels,
  languageUsed: sessionLanguage.labels,
  dobSource: dobSource.labels,
  referredTo: referralPlace.labels,
  mode: paymentMode.labels,
};

/** Option labels of fields whose name is shared by several record types. */
const typedOptionLabels: Readonly<
  Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>
> = {
  ma_session: { status: attendanceStatus.labels, role: facilitatorRole.labels },
  himo_attendance: { status: himoAttendanceStatus.labels },
  pnp_enrolment: { status: womanStatus.labels },
};

export type YesNo = { yes: string; no: string };

/** The last segment of a field path (`members.<id>.sex` → `sex`). */
export function leafName(path: string): string {
  return path.split('.').at(-1) ?? path;
}

/** A leaf value as French text; `undefined` and `null` read as an empty string. */
export function formatValue(
  recordType: string,
  path: string,
  value: Json | undefined,
  yesNo: YesNo,
): string {
  if (value === undefined || value === null) return '';
  const name = leafName(path);
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'number') {
    if (/Fcfa$/.test(name) && Number.isSafeInteger(value)) return formatFcfa(value);
    return String(value).replace('.', ',');
  }
  if (typeof value === 'string') {
    const labels = typedOptionLabels[recordType]?.[name] ?? optionLabels[name];
    if (labels?.[value] !== undefined) return labels[value];
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTimeFr(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateFr(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === 'object' && item !== null
          ? JSON.stringify(item)
          : formatValue(recordType, path, item, yesNo),
      )
      .join(', ');
  }
  return JSON.stringify(value);
}
