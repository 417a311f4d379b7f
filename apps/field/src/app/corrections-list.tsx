import { formatDateFr } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page';
import { StatusBadge } from '../components/record-status';
import { recordTitle } from '../lib/record-title';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { liveValue, useLive } from '../lib/use-live';
import { workItems } from '../storage/records';
import { recordScreenOf, typesWithForms } from './record-screens';

/**
 * « À corriger »: returned by a supervisor (with the comment) or rejected by the server (with the
 * reason), of every record type the tablet has a form for.
 */
export function CorrectionsList() {
  const { t } = useTranslation('corrections');
  const { user } = useSession();
  const items = liveValue(
    useLive(() => workItems(user.id, typesWithForms), [user.id]),
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
        {toCorrect.map((i) => {
          const screen = recordScreenOf(i.type);
          return (
            <li key={i.id}>
              <span className="grow">
                <span className="list-title">{screen ? t(screen.label) : i.type}</span>{' '}
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
              <Link
                to={screen ? `${screen.path}/${i.id}` : '/'}
                className="btn btn-primary btn-small"
              >
                {t('correct')}
              </Link>
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
