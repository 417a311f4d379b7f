import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router';

/** The id of every screen's `<main>`: the shell's skip link leads there. */
export const MAIN_ID = 'main';

/** Whether focus sits on something the user can still see and use inside `root`. */
function focusInside(root: HTMLElement): boolean {
  const active = document.activeElement;
  return active !== null && active !== root && root.contains(active);
}

/**
 * One screen: its heading, Back, actions. It names the screen for everyone who cannot see it: the
 * page title says which screen (and which step of a form) is open, and when the screen or the step
 * changes, focus moves to its heading — never left on a button that scrolled away or disappeared.
 * A step is the first `h2` of the screen (a form's section): when its text changes (« Suivant », a
 * section button), it takes focus and joins the title.
 */
export function Page({
  title,
  back,
  actions,
  children,
}: {
  title: string;
  back?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const appName = t('appName');

  useEffect(() => {
    const root = main.current;
    if (!root) return;
    let step = root.querySelector('h2')?.textContent ?? '';
    const name = () => [step, title, appName].filter(Boolean).join(' — ');
    document.title = name();
    // A new screen: its heading takes focus, unless the screen put it on a field itself (login).
    if (!focusInside(root)) heading.current?.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      const h2 = root.querySelector('h2');
      const next = h2?.textContent ?? '';
      if (next === step) return;
      const changed = step !== '' && next !== '';
      step = next;
      document.title = name();
      if (changed && h2) {
        h2.tabIndex = -1;
        h2.focus({ preventScroll: true });
      }
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
    };
  }, [title, appName]);

  return (
    <main className="page" id={MAIN_ID} ref={main} tabIndex={-1}>
      <header className="page-header">
        {back !== undefined && (
          <Link to={back} className="btn btn-ghost back-link">
            ← {t('back')}
          </Link>
        )}
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </main>
  );
}
