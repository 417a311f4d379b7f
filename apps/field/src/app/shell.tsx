import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIN_ID } from '../components/page';
import { Notice } from '../components/notice';
import { usePath } from '../lib/router';
import { setMeta } from '../storage/meta';
import { lastPathKey } from './last-path';
import { useSession } from '../lib/session';
import { leaveCheck } from '../storage/sync-session';
import { Frame } from './frame';
import { AppRoutes, warmUpRoutes } from './routes';

const ExportPanel = lazy(() =>
  import('../sync/ui/export-panel').then((m) => ({ default: m.ExportPanel })),
);

/** The first field of the open screen (a form), or else its main region. */
function skipTarget(): HTMLElement | null {
  const main = document.getElementById(MAIN_ID);
  if (!main) return null;
  const field = main.querySelector<HTMLElement>(
    '.field input:not([type=hidden]):not([disabled]), .field select:not([disabled]), .field textarea:not([disabled])',
  );
  return field ?? main;
}

/**
 * « Aller au formulaire »: the first Tab stop of every screen, past the header and the form's
 * section buttons, to its first field (or to the screen's content when it has none).
 */
function SkipLink() {
  const { t } = useTranslation('frame');
  return (
    <a
      href={`#${MAIN_ID}`}
      className="skip-link"
      onClick={(e) => {
        // The router owns the hash: focus moves without navigating.
        e.preventDefault();
        // focus() scrolls it into view, below the sticky bars (scroll-padding in styles.css).
        skipTarget()?.focus();
      }}
    >
      {t('skipToForm')}
    </a>
  );
}

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
      <SkipLink />
      <Frame user={user} onLock={lock} onSwitchUser={switchUser} />
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
