import { ScrollTable } from '../../components/scroll-table';
import { useTranslation } from 'react-i18next';
import { DateFilter } from '../../components/date-filter';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { formatDateTimeFr } from '../../lib/format';
import { listAudit, listUsers } from './admin-api';
import { Filters, PAGE_SIZE, Pager, SelectField, useListFilters } from './admin-list';

/** What the log says of an entry, in a sentence when the action is known (the code otherwise). */
function useActionLabel() {
  const { t } = useTranslation('admin');
  return (action: string) =>
    t(`audit.actions.${action.replace('.', '_')}`, { defaultValue: action });
}

/** The audit log by person, action (or family) and days. */
export function AuditScreen() {
  const { t } = useTranslation('admin');
  const actionLabel = useActionLabel();
  const { query, offset, setFilter, setOffset } = useListFilters();
  const filters = {
    userId: query['userId'],
    action: query['action'],
    from: query['from'],
    to: query['to'],
  };
  const entries = useRemote(
    (signal) => listAudit({ ...filters, offset, limit: PAGE_SIZE }, signal),
    JSON.stringify([filters, offset]),
  );
  const people = useRemote((signal) => listUsers({ limit: 500 }, signal), 'people');
  const actions = entries.status === 'ready' ? entries.value.actions : [];
  return (
    <div className="stack">
      <Filters label={t('filters')}>
        <SelectField
          label={t('audit.person')}
          value={query['userId'] ?? ''}
          allLabel={t('audit.everyone')}
          options={
            people.status === 'ready'
              ? people.value.rows.map((u) => ({ value: u.id, label: `${u.name} (${u.login})` }))
              : []
          }
          onChange={(v) => {
            setFilter('userId', v);
          }}
        />
        <SelectField
          label={t('audit.action')}
          value={query['action'] ?? ''}
          allLabel={t('audit.allActions')}
          options={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          onChange={(v) => {
            setFilter('action', v);
          }}
        />
        <DateFilter
          label={t('audit.from')}
          value={query['from']}
          onChange={(v) => {
            setFilter('from', v);
          }}
          invalidText={t('audit.dateInvalid')}
        />
        <DateFilter
          label={t('audit.to')}
          value={query['to']}
          onChange={(v) => {
            setFilter('to', v);
          }}
          invalidText={t('audit.dateInvalid')}
        />
      </Filters>
      <RemoteView
        remote={entries}
        reload={entries.reload}
        isEmpty={(v) => v.total === 0}
        empty={t('audit.empty')}
      >
        {(page) => (
          <>
            <ScrollTable label={t('audit.count', { count: page.total })}>
              <table className="sheet sup-table">
                <caption>{t('audit.count', { count: page.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.when')}</th>
                    <th scope="col">{t('audit.person')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((e) => (
                    <tr key={e.id} data-testid="audit-row">
                      <td>{formatDateTimeFr(e.at)}</td>
                      <td>{e.userName}</td>
                      <td>{actionLabel(e.action)}</td>
                      <td>{e.details === null ? '' : JSON.stringify(e.details)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <Pager offset={offset} total={page.total} onChange={setOffset} />
          </>
        )}
      </RemoteView>
    </div>
  );
}
