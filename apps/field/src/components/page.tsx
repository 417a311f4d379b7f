import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router';

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
  return (
    <main className="page">
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
