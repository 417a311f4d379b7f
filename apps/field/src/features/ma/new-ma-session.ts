import { MA_SESSION_VERSION } from '@jigi/domain';
import { nowIso, todayIso } from '../../lib/clock';
import type { AnyRecord } from '../../storage/types';

export function newMaSessionRecord(input: {
  id: string;
  agentId: string;
  deviceId: string;
  facilitatorName: string;
}): AnyRecord {
  return {
    id: input.id,
    type: 'ma_session',
    schemaVersion: MA_SESSION_VERSION,
    villageId: '',
    agentId: input.agentId,
    deviceId: input.deviceId,
    capturedAt: nowIso(),
    date: todayIso(),
    themes: [],
    facilitator: { name: input.facilitatorName, role: 'animateur_ong' },
    menCount: 0,
    womenCount: 0,
    attendance: [],
  };
}

/** Attendance lines for the village's beneficiary households: one per household (line id = household id). */
export function attendanceLinesFor(
  households: readonly { id: string; householdCode: string }[],
): { id: string; householdCode: string; expected: boolean }[] {
  return households.map((h) => ({ id: h.id, householdCode: h.householdCode, expected: true }));
}

export type AttendanceCounts = {
  present: number;
  absent: number;
  excused: number;
  unmarked: number;
  expected: number;
};

export function attendanceCounts(
  lines: readonly { status?: string | undefined }[],
): AttendanceCounts {
  const c: AttendanceCounts = {
    present: 0,
    absent: 0,
    excused: 0,
    unmarked: 0,
    expected: lines.length,
  };
  for (const l of lines) {
    if (l.status === 'present') c.present++;
    else if (l.status === 'absent') c.absent++;
    else if (l.status === 'excused') c.excused++;
    else c.unmarked++;
  }
  return c;
}
