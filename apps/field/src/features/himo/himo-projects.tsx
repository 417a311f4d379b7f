import { formatDateFr, formatFcfa } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { Link } from '../../lib/router';
import { liveValue, useLive } from '../../lib/use-live';
import { allMicroprojects } from '../../storage/reference';

/** The microprojects of the agent's villages (pulled from the server). */
export function HimoProjects() {
  const { t } = useTranslation('himo');
  const projects = liveValue(useLive(allMicroprojects, []), []);
  return (
    <Page title={t('title')} back="/">
      {projects.length === 0 && <Notice tone="warning">{t('noProjects')}</Notice>}
      <ul className="list">
        {projects.map((p) => (
          <li key={p.projectId}>
            <span className="grow">
              <span className="list-title">{p.name}</span>
              <br />
              <span className="small">
                {t('wage', { amount: formatFcfa(p.dailyWageFcfa) })} ·{' '}
                {t('period', {
                  start: formatDateFr(p.startDate),
                  end: formatDateFr(p.endDate),
                  days: p.plannedDays,
                  workers: p.plannedWorkers,
                })}
              </span>
            </span>
            <Link to={`/himo/p/${p.projectId}`} className="btn btn-primary btn-small">
              {t('open')}
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
