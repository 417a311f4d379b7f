import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Link, usePath } from '../lib/router';
import { setMeta } from '../storage/meta';
import { lastPathKey } from './last-path';
import { useSession } from '../lib/session';
import { leaveCheck } from '../storage/sync-session';
import { AppRoutes, warmUpRoutes } from './routes';
import { StatusBar } from './status-bar';

// The sync engine and the export carry the wire schemas: loaded once the shell is on screen.
const SyncBar = lazy(() => import('../sync/ui/sync-bar'));
const ExportPanel = lazy(() =>
  import('../sync/ui/export-panel').then((m) => ({ default: m.ExportPanel })),
);

export function Shell() {
  const { t } = useTranslation();
  const { user, lock } = useSession();
  const [refusal, setRefusal] = useState<string | null>(null);
  // Remember where the user is, so an unlock after the page was closed resumes there.
  const path = usePath();
  useEffect(() => {
    void setMeta(lastPathKey(user.id), path);
  }, [path, user.id]);
  useEffect(() => {
    const id = setTimeout(() => {
      warmUpRoutes(user.role);
    }, 500);
    return () => {
      clearTimeout(id);
    };
  }, [user.role]);

  // Handing the tablet over is allowed once every change is synced or in an export file the server
  // can import (docs/decisions.md §4); a storage failure refuses rather than risk leaving changes behind.
  function switchUser() {
    void leaveCheck(user.id).then((res) => {
      if (!res.ok) setRefusal(t('logout.unknown'));
      else if (res.value.unsent > 0) setRefusal(t('logout.refused', { count: res.value.unsent }));
      else lock();
    });
  }

  return (
    <div className="shell">
      <header className="app-header">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        <span className="who">
          {user.name} · {t(`roles.${user.role}`)}
        </span>
        <nav className="app-nav">
          <Link to="/sync" className="btn">
            {t('nav.history')}
          </Link>
          <Button onClick={lock}>{t('nav.lock')}</Button>
          <Button onClick={switchUser}>{t('nav.switchUser')}</Button>
        </nav>
      </header>
      <StatusBar userId={user.id} />
      <Suspense fallback={null}>
        <SyncBar userId={user.id} />
      </Suspense>
      {refusal && (
        <div className="leave-refusal" data-testid="leave-refusal">
          <Notice tone="error">{refusal}</Notice>
          <Suspense fallback={null}>
            <ExportPanel userId={user.id} />
          </Suspense>
        </div>
      )}
      <AppRoutes />
    </div>
  );
}
