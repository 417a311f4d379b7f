import type { TFunction } from 'i18next';
import { matchPath } from '../lib/router';
import type { Screen } from './screen';
import { BatchDetail } from '../features/batches/batch-detail';
import { BatchList } from '../features/batches/batch-list';
import { ConflictQueue } from '../features/conflicts/conflict-queue';
import { Dashboard } from '../features/dashboard/dashboard';
import { DuplicateList } from '../features/duplicates/duplicate-list';
import { ExportsScreen } from '../features/exports/exports-screen';
import { ImportScreen } from '../features/imports/import-screen';
import { RecordView } from '../features/record/record-view';
import { HouseholdFileView } from '../features/household/household-file';
import { TargetingScreen } from '../features/targeting/targeting-screen';

export const supervisorSections = [
  'batches',
  'conflicts',
  'duplicates',
  'dashboard',
  'exports',
  'targeting',
  // A tablet that cannot sync hands over its export file: admins import any, a supervisor those of
  // tablets whose user works inside the supervisor's zones (the server checks; the tablet says so).
  'imports',
] as const;
export type ConsoleSection = (typeof supervisorSections)[number];

/** The review screen of a path; null for a path that is not one. */
export function supervisorScreen(path: string, t: TFunction): Screen | null {
  const at = (p: string) => matchPath(p, path);
  if (at('/batches')) return { section: 'batches', title: t('nav.batches'), body: <BatchList /> };
  const batch = at('/batches/:number');
  if (batch) {
    const n = Number(batch['number']);
    if (!Number.isSafeInteger(n)) return null;
    return {
      section: 'batches',
      title: t('batch.title', { number: n }),
      back: '/batches',
      body: <BatchDetail key={n} number={n} />,
    };
  }
  const record = at('/records/:id');
  if (record)
    return {
      section: 'batches',
      title: t('record.title'),
      back: '/batches',
      body: <RecordView key={record['id']} id={record['id'] ?? ''} />,
    };
  if (at('/conflicts'))
    return { section: 'conflicts', title: t('nav.conflicts'), body: <ConflictQueue /> };
  if (at('/duplicates'))
    return { section: 'duplicates', title: t('nav.duplicates'), body: <DuplicateList /> };
  if (at('/dashboard'))
    return { section: 'dashboard', title: t('nav.dashboard'), body: <Dashboard /> };
  if (at('/exports'))
    return { section: 'exports', title: t('nav.exports'), body: <ExportsScreen /> };
  const household = at('/households/:id');
  if (household)
    return {
      section: 'targeting',
      title: t('nav.household'),
      back: '/targeting',
      body: <HouseholdFileView key={household['id']} recordId={household['id'] ?? ''} />,
    };
  if (at('/targeting'))
    return { section: 'targeting', title: t('nav.targeting'), body: <TargetingScreen /> };
  if (at('/imports'))
    return { section: 'imports', title: t('nav.imports'), body: <ImportScreen /> };
  return null;
}
