import { enrolmentSchema, type Enrolment } from '@jigi/domain/register';
import { csvBom, csvLine } from '../../services/exports/csv-writer';
import type { VillageRow } from '../../storage/rows';
import type { EnrolmentEventRow, EnrolmentRow } from '../../storage/targeting-rows';

// The register as the RSU (the ministry's registry) receives it: one CSV of the enrolled households
// and one of their changes, in a versioned format (docs/targeting.md, « RSU export »). A new column
// or a changed meaning is a new version; every line says which version it is written in.

export const RSU_EXPORT_VERSION = '1';

export const rsuHouseholdColumns = [
  'format_version',
  'household_id',
  'household_code',
  'village_id',
  'village_name',
  'commune_code',
  'rsu_id',
  'nina',
  'head_name',
  'titulaire_name',
  'titulaire_sex',
  'suppleant_name',
  'phone',
  'members_count',
  'state',
  'exit_reason',
  'enrolled_on',
  'planned_end',
  'updated_at',
] as const;

export const rsuChangeColumns = [
  'format_version',
  'household_id',
  'household_code',
  'village_id',
  'action',
  'state_before',
  'state_after',
  'exit_reason',
  'changed_by',
  'changed_at',
] as const;

export function rsuHouseholdsCsv(
  rows: readonly EnrolmentRow[],
  villages: ReadonlyMap<string, VillageRow>,
): string {
  const out = [csvBom, csvLine(rsuHouseholdColumns)];
  for (const row of rows) {
    const e = enrolmentSchema.parse(row.data);
    const village = villages.get(e.villageId);
    out.push(
      csvLine([
        RSU_EXPORT_VERSION,
        e.id,
        e.householdCode,
        e.villageId,
        village?.name ?? '',
        village?.communeCode ?? '',
        e.rsuId ?? '',
        e.nina ?? '',
        e.headName,
        e.titulaire.name,
        e.titulaire.sex,
        e.suppleant?.name ?? '',
        e.phone ?? '',
        String(e.members.length),
        e.state,
        e.exitReason ?? '',
        e.enrolledOn,
        e.plannedEnd,
        row.updatedAt,
      ]),
    );
  }
  return out.join('');
}

const stateOf = (value: unknown): Enrolment | undefined => {
  const parsed = enrolmentSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

export function rsuChangesCsv(
  events: readonly (EnrolmentEventRow & { householdCode: string; villageId: string })[],
): string {
  const out = [csvBom, csvLine(rsuChangeColumns)];
  for (const ev of events) {
    const before = stateOf(ev.before);
    const after = stateOf(ev.after);
    out.push(
      csvLine([
        RSU_EXPORT_VERSION,
        ev.enrolmentId,
        ev.householdCode,
        ev.villageId,
        ev.action,
        before?.state ?? '',
        after?.state ?? '',
        after?.exitReason ?? '',
        ev.userId,
        ev.at,
      ]),
    );
  }
  return out.join('');
}
