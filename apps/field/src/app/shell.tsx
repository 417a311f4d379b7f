import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button';
import { Notice } from '../components/notice';
import { Link, usePath } from '../lib/router';
import { setMeta } from '../storage/meta';
import { lastPathKey } from './last-path';
import { useSession } from '../lib/session';
import { leaveCheck } from '../storage/sync-session';
import { ExportPanel } from '../sync/ui/export-panel';
import { SyncProvider } from '../sync/ui/sync-context';
import { SyncPanel } from '../sync/ui/sync-panel';
import { AppRoutes, warmUpRoutes } from './routes';
import { StatusBar } from './status-bar';

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
  // can import (DESIGN.md §4); a storage failure refuses rather than risk leaving changes behind.
  function switchUser() {
    void leaveCheck(user.id).then((res) => {
      if (!res.ok) setRefusal(t('logout.unknown'));
      else if (res.value.unsent > 0) setRefusal(t('logout.refused', { count: res.value.unsent }));
      else lock();
    });
  }

  return (
    <SyncProvider userId={user.id}>
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
        <SyncPanel userId={user.id} />
        {refusal && (
          <div className="leave-refusal" data-testid="leave-refusal">
            <Notice tone="error">{refusal}</Notice>
            <ExportPanel userId={user.id} />
          </div>
        )}
        <AppRoutes />
      </div>
    </SyncProvider>
  );
}
