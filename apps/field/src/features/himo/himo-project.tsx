import { formatDateFr, formatFcfa, himoPay } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { Flash } from '../../components/flash';
import { UndoToast } from '../../components/undo-toast';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { StatusBadge } from '../../components/record-status';
import { textOf } from '../../lib/clean-record';
import { todayIso } from '../../lib/clock';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { workItems } from '../../storage/records';
import { getMicroproject } from '../../storage/reference';
import { frNumber } from './himo-pay';
import { projectSheets, projectWorkers } from './himo-records';

/** One microproject: its worker roll, its attendance sheets, and the days and amounts due. */
export function HimoProject({ projectId }: { projectId: string }) {
  const { t } = useTranslation('himo');
  const { user } = useSession();
  const project = liveValue(
    useLive(() => getMicroproject(projectId), [projectId]),
    undefined,
  );
  const finalWorkers = liveValue(
    useLive(() => projectWorkers(user.id, projectId), [user.id, projectId]),
    [],
  );
  const finalSheets = liveValue(
    useLive(() => projectSheets(user.id, projectId), [user.id, projectId]),
    [],
  );
  const items = liveValue(
    useLive(() => workItems(user.id, ['himo_worker', 'himo_attendance']), [user.id]),
    [],
  );
  const mine = items.filter((i) => i.record['projectId'] === projectId);
  const workers = mine.filter((i) => i.type === 'himo_worker');
  const sheets = mine
    .filter((i) => i.type === 'himo_attendance')
    .sort((a, b) => textOf(b.record, 'date').localeCompare(textOf(a.record, 'date')));
  // One sheet per project and day: today's, once begun, is opened rather than a new one offered.
  const today = todayIso();
  const todaySheet = sheets.find(
    (s) => s.status !== 'rejected' && textOf(s.record, 'date') === today,
  );
  if (!project)
    return (
      <Page title={t('title')} back="/himo">
        <Notice tone="info">{t('common:loading')}</Notice>
      </Page>
    );
  // The server's dashboard computes the same `himoPay` over the same sheets.
  const pay = himoPay({
    sheets: finalSheets,
    projectId,
    dailyWageFcfa: project.dailyWageFcfa,
    workerIds: finalWorkers.map((w) => w.id),
  });
  const workerById = new Map(finalWorkers.map((w) => [w.id, w]));
  const active = finalWorkers.filter((w) => w.active).length;
  return (
    <Page title={project.name} back="/himo">
      <Flash />
      <UndoToast />
      <p className="lead">{t('wage', { amount: formatFcfa(project.dailyWageFcfa) })}</p>

      <h2>{t('tabs.roll')}</h2>
      <p>{t('roll.count', { count: active })}</p>
      {workers.length === 0 && <p>{t('roll.empty')}</p>}
      <ul className="list">
        {workers.map((w) => (
          <li key={w.id}>
            <span className="grow">
              <span className="list-title">
                {typeof w.record['name'] === 'string' ? w.record['name'] : '—'}
              </span>{' '}
              <StatusBadge status={w.status} />
              <br />
              <span className="small">
                {[
                  typeof w.record['householdCode'] === 'string'
                    ? w.record['householdCode']
                    : undefined,
                  w.record['isSubstitute'] === true ? t('roll.substitute') : undefined,
                  w.record['active'] === false ? t('roll.inactive') : undefined,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            <Link to={`/himo/worker/${w.id}`} className="btn btn-small">
              {t('open')}
            </Link>
          </li>
        ))}
      </ul>
      <Link to={`/himo/p/${projectId}/worker/new`} className="btn btn-primary">
        + {t('roll.add')}
      </Link>

      <h2>{t('tabs.sheets')}</h2>
      {sheets.length === 0 && <p>{t('sheets.empty')}</p>}
      <ul className="list">
        {sheets.map((s) => (
          <li key={s.id}>
            <span className="grow">
              <span className="list-title">
                {t('sheets.dated', { date: formatDateFr(textOf(s.record, 'date')) })}
              </span>{' '}
              <StatusBadge status={s.status} />
            </span>
            <Link to={`/himo/sheet/${s.id}`} className="btn btn-small">
              {t('open')}
            </Link>
          </li>
        ))}
      </ul>
      {todaySheet ? (
        <Link to={`/himo/sheet/${todaySheet.id}`} className="btn btn-primary">
          {t('sheets.openToday')}
        </Link>
      ) : (
        <Link to={`/himo/p/${projectId}/sheet/new`} className="btn btn-primary">
          + {t('sheets.new')}
        </Link>
      )}

      <h2>{t('tabs.pay')}</h2>
      <p className="small">{t('pay.note')}</p>
      <table className="sheet" aria-label={t('tabs.pay')}>
        <thead>
          <tr>
            <th>{t('pay.worker')}</th>
            <th>{t('pay.household')}</th>
            <th>{t('pay.days')}</th>
            <th>{t('pay.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {pay.lines.map((line) => {
            const w = workerById.get(line.workerId);
            return (
              <tr key={line.workerId}>
                <td>{w?.name ?? '—'}</td>
                <td>{w?.householdCode ?? '—'}</td>
                <td>{frNumber(line.days)}</td>
                <td className="nowrap">{formatFcfa(line.amountFcfa)}</td>
              </tr>
            );
          })}
          <tr>
            <th colSpan={2}>{t('pay.total')}</th>
            <th>{frNumber(pay.days)}</th>
            <th className="nowrap">{formatFcfa(pay.amountFcfa)}</th>
          </tr>
        </tbody>
      </table>
    </Page>
  );
}
