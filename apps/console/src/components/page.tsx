import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router';

/** A screen: its title (also the tab's title), an optional way back, optional actions. */
export function Page({
  title,
  back,
  actions,
  narrow = false,
  children,
}: {
  title: string;
  back?: string;
  /** One column (login, lock): a form, not a table. */
  narrow?: boolean;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('appName')}`;
  }, [title, t]);
  return (
    <main className={narrow ? 'page narrow' : 'page'} id="main">
      <header className="page-header">
        {back !== undefined && (
          <Link to={back} className="btn btn-ghost back-link">
            ← {t('back')}
          </Link>
        )}
        <h1>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </main>
  );
}
