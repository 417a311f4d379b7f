import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { matchPath } from '../../lib/router';
import { BatchDetail } from './batches/batch-detail';
import { BatchList } from './batches/batch-list';
import { ConflictQueue } from './conflicts/conflict-queue';
import { Dashboard } from './dashboard/dashboard';
import { DuplicateList } from './duplicates/duplicate-list';
import { ExportsScreen } from './exports/exports-screen';
import { ImportScreen } from './imports/import-screen';
import { RecordView } from './record/record-view';

export type ConsoleSection =
  'batches' | 'conflicts' | 'duplicates' | 'dashboard' | 'exports' | 'imports';
type Screen = { section: ConsoleSection; title: string; back?: string; body: ReactNode };

/** The console's screen for a path under `/supervision`; null for an unknown one. */
export function consoleScreen(path: string, t: TFunction): Screen | null {
  const at = (p: string) => matchPath(p, path);
  // `/supervision` is the entry (home tile); the list itself lives at `/supervision/batches` so that its
  // filters (`?zone=…`) always follow a sub-path the shell sends here.
  if (at('/supervision') || at('/supervision/batches'))
    return { section: 'batches', title: t('nav.batches'), body: <BatchList /> };
  const batch = at('/supervision/batches/:number');
  if (batch) {
    const n = Number(batch['number']);
    if (!Number.isSafeInteger(n)) return null;
    return {
      section: 'batches',
      title: t('batch.title', { number: n }),
      back: '/supervision/batches',
      body: <BatchDetail key={n} number={n} />,
    };
  }
  const record = at('/supervision/records/:id');
  if (record)
    return {
      section: 'batches',
      title: t('record.title'),
      back: '/supervision/batches',
      body: <RecordView key={record['id']} id={record['id'] ?? ''} />,
    };
  if (at('/supervision/conflicts'))
    return { section: 'conflicts', title: t('nav.conflicts'), body: <ConflictQueue /> };
  if (at('/supervision/duplicates'))
    return { section: 'duplicates', title: t('nav.duplicates'), body: <DuplicateList /> };
  if (at('/supervision/dashboard'))
    return { section: 'dashboard', title: t('nav.dashboard'), body: <Dashboard /> };
  if (at('/supervision/exports'))
    return { section: 'exports', title: t('nav.exports'), body: <ExportsScreen /> };
  if (at('/supervision/imports'))
    return { section: 'imports', title: t('nav.imports'), body: <ImportScreen /> };
  return null;
}
