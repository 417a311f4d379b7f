import { CIBLAGE_HOUSEHOLD_VERSION, searchKey } from '@jigi/domain';
import { nowIso, todayIso } from '../../lib/clock';
import type { AnyRecord } from '../../storage/types';

/**
 * A human household code made offline with no server round trip, in the programme's format:
 * `<village 3 letters>-<agent initials><device tag>-<sequence>`, e.g. `DIO-EK3F-0007`. The agent and
 * device parts keep two tablets (even of one enumerator) from making the same code; the enumerator
 * may still edit it.
 */
export function householdCode(
  villageName: string,
  agentName: string,
  sequence: number,
  deviceId = '',
): string {
  const village = searchKey(villageName)
    .replace(/[^a-z]/g, '')
    .slice(0, 3)
    .toUpperCase()
    .padEnd(3, 'X');
  const initials = searchKey(agentName)
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
    .padEnd(2, 'X');
  const device = deviceId
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 2)
    .toUpperCase();
  return `${village}-${initials}${device}-${String(sequence).padStart(4, '0')}`;
}

/** The first draft of a survey: the envelope, today's date, and the result « complété » by default. */
export function newCiblageRecord(input: {
  id: string;
  agentId: string;
  deviceId: string;
  villageId?: string;
}): AnyRecord {
  return {
    id: input.id,
    type: 'ciblage_household',
    schemaVersion: CIBLAGE_HOUSEHOLD_VERSION,
    villageId: input.villageId ?? '',
    agentId: input.agentId,
    deviceId: input.deviceId,
    capturedAt: nowIso(),
    interviewDate: todayIso(),
    result: 'complete',
    members: [],
    // « No other programme » is an answer: the list starts empty, not absent.
    otherPrograms: [],
  };
}
