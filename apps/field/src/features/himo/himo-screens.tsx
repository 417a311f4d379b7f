import { useCallback } from 'react';
import { NewDraft } from '../../components/new-draft';
import { newId } from '../../lib/clock';
import { useSession } from '../../lib/session';
import { useDeviceId } from '../../lib/use-device-id';
import { liveValue, useLive } from '../../lib/use-live';
import { getMicroproject } from '../../storage/reference';
import { newSheetRecord, newWorkerRecord, projectWorkers } from './himo-records';

export function NewWorker({ projectId }: { projectId: string }) {
  const { user } = useSession();
  const deviceId = useDeviceId(user.id);
  const project = liveValue(
    useLive(() => getMicroproject(projectId), [projectId]),
    undefined,
  );
  const make = useCallback(
    () =>
      newWorkerRecord({
        id: newId(),
        agentId: user.id,
        deviceId: deviceId || 'unregistered',
        projectId,
        villageId: project?.villageIds[0] ?? '',
      }),
    [user.id, deviceId, projectId, project],
  );
  if (!deviceId || !project) return null;
  return (
    <NewDraft
      make={make}
      agentId={user.id}
      position={{ section: 'worker' }}
      to={(id) => `/himo/worker/${id}`}
    />
  );
}

export function NewSheet({ projectId }: { projectId: string }) {
  const { user } = useSession();
  const deviceId = useDeviceId(user.id);
  const project = liveValue(
    useLive(() => getMicroproject(projectId), [projectId]),
    undefined,
  );
  const roll = useLive(() => projectWorkers(user.id, projectId), [user.id, projectId]);
  const workers = liveValue(roll, []);
  const make = useCallback(
    () =>
      newSheetRecord({
        id: newId(),
        agentId: user.id,
        deviceId: deviceId || 'unregistered',
        projectId,
        villageId: project?.villageIds[0] ?? '',
        workers: workers.filter((w) => w.active),
      }),
    [user.id, deviceId, projectId, project, workers],
  );
  if (!deviceId || !project || roll.status !== 'ready') return null;
  return (
    <NewDraft
      make={make}
      agentId={user.id}
      position={{ section: 'sheet' }}
      to={(id) => `/himo/sheet/${id}`}
    />
  );
}
