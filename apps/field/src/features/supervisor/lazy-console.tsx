import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The only file of the console the app shell imports. The console, its catalogue and its chart
// library are separate chunks, downloaded the first time a supervisor opens it: a field tablet never
// loads them.
const SupervisorConsole = lazy(() => import('./supervisor-console'));

export function LazySupervisorConsole() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="page">{t('loading')}</p>}>
      <SupervisorConsole />
    </Suspense>
  );
}
