import { formatDateFr } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { StatusBadge } from '../../components/record-status';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { workItems } from '../../storage/records';
import { recordPath } from './record-path';
import { recordTitle } from './record-title';

const ALL_TYPES = [
  'ciblage_household',
  'ma_session',
  'pnp_enrolment',
  'himo_worker',
  'himo_attendance',
] as const;

/** « À corriger »: returned by a supervisor (with the comment) or rejected by the server (with the reason). */
export function CorrectionsList() {
  const { t } = useTranslation('corrections');
  const { user } = useSession();
  const items = liveValue(
    useLive(() => workItems(user.id, ALL_TYPES), [user.id]),
    [],
  );
  const toCorrect = items.filter(
    (i) =>
      i.status === 'returned' ||
      i.status === 'rejected' ||
      i.recordStatus === 'returned' ||
      i.recordStatus === 'rejected',
  );
  return (
    <Page title={t('title')} back="/">
      <p>{t('intro')}</p>
      {toCorrect.length === 0 && <p className="lead">{t('empty')}</p>}
      <ul className="list">
        {toCorrect.map((i) => (
          <li key={i.id}>
            <span className="grow">
              <span className="list-title">{t(`types.${i.type}`, { defaultValue: i.type })}</span>{' '}
              <StatusBadge status={i.recordStatus ?? i.status} />
              {i.status === 'draft' && (
                <>
                  {' '}
                  <StatusBadge status="draft" />
                </>
              )}
              <br />
              <span className="small">
                {recordTitle(i.record) || i.id} · {formatDateFr(i.updatedAt)}
              </span>
              {i.supervisorComment && (
                <span className="issue issue-warning">
                  <br />
                  {t('comment', { comment: i.supervisorComment })}
                </span>
              )}
              {i.rejection && (
                <span className="issue issue-error">
                  <br />
                  {t('rejection', { message: i.rejection.message })}
                </span>
              )}
            </span>
            <Link to={recordPath(i.type, i.id)} className="btn btn-primary btn-small">
              {t('correct')}
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
