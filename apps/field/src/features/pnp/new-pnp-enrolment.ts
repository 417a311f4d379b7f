import { PNP_ENROLMENT_VERSION } from '@jigi/domain';
import { nowIso, todayIso } from '../../lib/clock';
import type { AnyRecord } from '../../storage/types';

export function newPnpRecord(input: { id: string; agentId: string; deviceId: string }): AnyRecord {
  return {
    id: input.id,
    type: 'pnp_enrolment',
    schemaVersion: PNP_ENROLMENT_VERSION,
    villageId: '',
    agentId: input.agentId,
    deviceId: input.deviceId,
    capturedAt: nowIso(),
    visitDate: todayIso(),
    household: { caregiver: {} },
    children: [],
    women: [],
  };
}
