import { useEffect, useRef, useState, type ReactNode } from 'react';
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
 * section button), it takes focus and joins the title, and the errors the step left behind are
 * announced (they were only drawn as red borders).
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
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const root = main.current;
    if (!root) return;
    let step = root.querySelector('h2')?.textContent ?? '';
    // The errors the step shows, kept up to date while it is open: once it is left they are gone
    // from the screen, and a screen reader user hears what was left to fix there.
    let errors: string[] = [];
    const shownErrors = () =>
      [...root.querySelectorAll('.field-issues .issue-error')].map((e) => e.textContent);
    const name = () => [step, title, appName].filter(Boolean).join(' — ');
    document.title = name();
    // A new screen: its heading takes focus, unless the screen put it on a field itself (login).
    if (!focusInside(root)) heading.current?.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      const h2 = root.querySelector('h2');
      const next = h2?.textContent ?? '';
      if (next === step) {
        errors = shownErrors();
        return;
      }
      const changed = step !== '' && next !== '';
      if (changed)
        setAnnouncement(
          errors.length === 0
            ? ''
            : t('sectionErrors', {
                ns: 'frame',
                section: step,
                count: errors.length,
                first: errors[0] ?? '',
              }),
        );
      step = next;
      errors = shownErrors();
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
  }, [title, appName, t]);

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
      <p className="visually-hidden" role="status" data-testid="step-announcement">
        {announcement}
      </p>
    </main>
  );
}
