import {
  HIMO_ATTENDANCE_VERSION,
  HIMO_WORKER_VERSION,
  type HimoAttendance,
  type HimoMicroproject,
  type HimoWorker,
} from '@jigi/domain';
import { useMemo } from 'react';
import { textOf } from '../../lib/clean-record';
import { nowIso, todayIso } from '../../lib/clock';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { recordsOf, workItems } from '../../storage/records';
import { getMicroproject } from '../../storage/reference';
import type { AnyRecord, DraftRow } from '../../storage/types';

export function newWorkerRecord(input: {
  id: string;
  agentId: string;
  deviceId: string;
  projectId: string;
  villageId: string;
}): AnyRecord {
  return {
    id: input.id,
    type: 'himo_worker',
    schemaVersion: HIMO_WORKER_VERSION,
    villageId: input.villageId,
    agentId: input.agentId,
    deviceId: input.deviceId,
    capturedAt: nowIso(),
    projectId: input.projectId,
    isSubstitute: false,
    active: true,
  };
}

export function newSheetRecord(input: {
  id: string;
  agentId: string;
  deviceId: string;
  projectId: string;
  villageId: string;
  workers: readonly HimoWorker[];
}): AnyRecord {
  return {
    id: input.id,
    type: 'himo_attendance',
    schemaVersion: HIMO_ATTENDANCE_VERSION,
    villageId: input.villageId,
    agentId: input.agentId,
    deviceId: input.deviceId,
    capturedAt: nowIso(),
    projectId: input.projectId,
    date: todayIso(),
    lines: input.workers.map((w) => ({ id: w.id })),
  };
}

/** Workers on this tablet's roll for a project (finalised or synced records). */
export async function projectWorkers(agentId: string, projectId: string): Promise<HimoWorker[]> {
  const rows = await recordsOf(agentId, 'himo_worker');
  return rows
    .map((r) => r.record as unknown as HimoWorker)
    .filter((w) => w.projectId === projectId);
}

/** The project's attendance sheets on this tablet (finalised or synced). */
export async function projectSheets(agentId: string, projectId: string): Promise<HimoAttendance[]> {
  const rows = await recordsOf(agentId, 'himo_attendance');
  return rows
    .map((r) => r.record as unknown as HimoAttendance)
    .filter((s) => s.projectId === projectId);
}

/**
 * The project's attendance sheets on this tablet, drafts included (a draft begun for a day is that
 * day's sheet too), without those the server refused.
 */
export async function projectSheetsAndDrafts(
  agentId: string,
  projectId: string,
): Promise<HimoAttendance[]> {
  const items = await workItems(agentId, ['himo_attendance']);
  return items
    .filter((i) => i.status !== 'rejected' && i.record['projectId'] === projectId)
    .map((i) => i.record as unknown as HimoAttendance);
}

/**
 * The sheet already open for this project and day, if any: a second « new sheet » for the same day
 * opens it rather than making another, which the server would refuse.
 */
export async function sheetOfDay(
  agentId: string,
  projectId: string,
  date: string,
): Promise<string | null> {
  const sheets = await projectSheetsAndDrafts(agentId, projectId);
  const sameDay = sheets
    .filter((s) => s.date === date)
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id));
  return sameDay[0]?.id ?? null;
}

/** What a worker's or a sheet's form knows of its microproject: the project, its roll and sheets on this tablet. */
export type ProjectData = {
  project: HimoMicroproject | undefined;
  roll: readonly HimoWorker[];
  sheets: readonly HimoAttendance[];
};

/** The draft's microproject and roll, kept current as the roll changes. */
export function useProjectData(draft: DraftRow): ProjectData {
  const { user } = useSession();
  const projectId = textOf(draft.record, 'projectId');
  const project = liveValue(
    useLive(() => getMicroproject(projectId), [projectId]),
    undefined,
  );
  const roll = liveValue(
    useLive(() => projectWorkers(user.id, projectId), [user.id, projectId]),
    noWorkers,
  );
  const sheets = liveValue(
    useLive(() => projectSheetsAndDrafts(user.id, projectId), [user.id, projectId]),
    noSheets,
  );
  return useMemo(() => ({ project, roll, sheets }), [project, roll, sheets]);
}

const noWorkers: readonly HimoWorker[] = [];
const noSheets: readonly HimoAttendance[] = [];
