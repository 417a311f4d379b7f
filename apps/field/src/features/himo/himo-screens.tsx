import { useCallback } from 'react';
import { NewRecord, type NewRecordBase } from '../../components/new-record';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { getMicroproject } from '../../storage/reference';
import { newSheetRecord, newWorkerRecord, projectWorkers } from './himo-records';

function useProject(projectId: string) {
  return liveValue(
    useLive(() => getMicroproject(projectId), [projectId]),
    undefined,
  );
}

export function NewWorker({ projectId }: { projectId: string }) {
  const project = useProject(projectId);
  const make = useCallback(
    (base: NewRecordBase) =>
      newWorkerRecord({ ...base, projectId, villageId: project?.villageIds[0] ?? '' }),
    [projectId, project],
  );
  return (
    <NewRecord
      recordType="himo_worker"
      make={make}
      ready={project !== undefined}
      to={(id) => `/himo/worker/${id}`}
    />
  );
}

export function NewSheet({ projectId }: { projectId: string }) {
  const { user } = useSession();
  const project = useProject(projectId);
  const roll = useLive(() => projectWorkers(user.id, projectId), [user.id, projectId]);
  const workers = liveValue(roll, []);
  const make = useCallback(
    (base: NewRecordBase) =>
      newSheetRecord({
        ...base,
        projectId,
        villageId: project?.villageIds[0] ?? '',
        workers: workers.filter((w) => w.active),
      }),
    [projectId, project, workers],
  );
  return (
    <NewRecord
      recordType="himo_attendance"
      make={make}
      ready={project !== undefined && roll.status === 'ready'}
      to={(id) => `/himo/sheet/${id}`}
    />
  );
}
