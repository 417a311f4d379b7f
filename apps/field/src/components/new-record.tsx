import { recordTypeDescriptor, type RecordType } from '@jigi/domain';
import { useCallback, useMemo } from 'react';
import { newId } from '../lib/clock';
import { useDeviceId } from '../lib/use-device-id';
import { useSession } from '../lib/session';
import type { AnyRecord } from '../storage/types';
import { NewDraft } from './new-draft';

/** What every new record starts from: a fresh id, its agent, and the tablet it is made on. */
export type NewRecordBase = { id: string; agentId: string; deviceId: string };

/**
 * « Nouvelle fiche » of a record type: makes the first draft once the tablet's device id is known (and
 * whatever else `ready` waits for), opened at the first section of the type's layout.
 */
export function NewRecord({
  recordType,
  make,
  to,
  ready = true,
}: {
  recordType: RecordType;
  make: (base: NewRecordBase) => AnyRecord;
  to: (id: string) => string;
  ready?: boolean;
}) {
  const { user } = useSession();
  const deviceId = useDeviceId(user.id);
  const build = useCallback(
    () => make({ id: newId(), agentId: user.id, deviceId: deviceId || 'unregistered' }),
    [make, user.id, deviceId],
  );
  const position = useMemo(
    () => ({ section: recordTypeDescriptor(recordType)?.sections[0]?.id ?? '' }),
    [recordType],
  );
  if (!deviceId || !ready) return null;
  return <NewDraft make={build} agentId={user.id} position={position} to={to} />;
}
