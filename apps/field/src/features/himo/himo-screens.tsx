import { formatDateFr } from '@jigi/domain';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setFlash } from '../../components/flash';
import { NewRecord, type NewRecordBase } from '../../components/new-record';
import { todayIso } from '../../lib/clock';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { getMicroproject } from '../../storage/reference';
import { newSheetRecord, newWorkerRecord, projectWorkers, sheetOfDay } from './himo-records';

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

/**
 * « Nouvelle feuille »: the day's sheet of the project — opened if it exists already (one sheet per
 * project and day, the server refuses a second), made otherwise.
 */
export function NewSheet({ projectId }: { projectId: string }) {
  const { t } = useTranslation('himo');
  const { user } = useSession();
  const project = useProject(projectId);
  const today = todayIso();
  const existing = useLive(
    () => sheetOfDay(user.id, projectId, today),
    [user.id, projectId, today],
  );
  // Decided on the first answer only: the draft this screen then makes is « the day's sheet » too.
  const [existingId, setExistingId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (existingId !== undefined || existing.status !== 'ready') return;
    setExistingId(existing.value);
    if (existing.value === null) return;
    setFlash(t('sheets.dayTaken', { date: formatDateFr(today) }));
    navigate(`/himo/sheet/${existing.value}`, { replace: true });
  }, [existing, existingId, t, today]);
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
      ready={project !== undefined && roll.status === 'ready' && existingId === null}
      to={(id) => `/himo/sheet/${id}`}
    />
  );
}
