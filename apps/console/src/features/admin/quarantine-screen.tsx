import { ScrollTable } from '../../components/scroll-table';
import { rejectionCodes } from '@jigi/sync';
import { useTranslation } from 'react-i18next';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { formatDateTimeFr } from '../../lib/format';
import { listQuarantine } from './admin-api';
import { Filters, PAGE_SIZE, Pager, SearchField, SelectField, useListFilters } from './admin-list';

const REASONS = Object.keys(rejectionCodes);

/** Changes the server refused: what (record type), why (in French), from which tablet, when. */
export function QuarantineScreen() {
  const { t } = useTranslation('admin');
  const { query, offset, setFilter, setOffset } = useListFilters();
  const filters = { q: query['q'], reasonCode: query['reasonCode'] };
  const entries = useRemote(
    (signal) => listQuarantine({ ...filters, offset, limit: PAGE_SIZE }, signal),
    JSON.stringify([filters, offset]),
  );
  return (
    <div className="stack">
      <p>{t('quarantine.help')}</p>
      <Filters label={t('filters')}>
        <SearchField
          label={t('quarantine.search')}
          value={query['q'] ?? ''}
          onChange={(v) => {
            setFilter('q', v);
          }}
        />
        <SelectField
          label={t('quarantine.reason')}
          value={query['reasonCode'] ?? ''}
          allLabel={t('quarantine.allReasons')}
          options={REASONS.map((r) => ({ value: r, label: t(`quarantine.reasons.${r}`) }))}
          onChange={(v) => {
            setFilter('reasonCode', v);
          }}
        />
      </Filters>
      <RemoteView
        remote={entries}
        reload={entries.reload}
        isEmpty={(v) => v.total === 0}
        empty={t('quarantine.empty')}
      >
        {(page) => (
          <>
            <ScrollTable label={t('quarantine.count', { count: page.total })}>
              <table className="sheet sup-table">
                <caption>{t('quarantine.count', { count: page.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('quarantine.when')}</th>
                    <th scope="col">{t('quarantine.tablet')}</th>
                    <th scope="col">{t('quarantine.what')}</th>
                    <th scope="col">{t('quarantine.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((q) => (
                    <tr key={q.id} data-testid="quarantine-row">
                      <td>{formatDateTimeFr(q.receivedAt)}</td>
                      <td>{q.deviceName}</td>
                      <td>
                        {q.recordType === null
                          ? t('quarantine.changeN', { n: q.mutationId })
                          : t('quarantine.changeOf', {
                              n: q.mutationId,
                              type: t(`supervisor:recordTypes.${q.recordType}`, {
                                defaultValue: q.recordType,
                              }),
                            })}
                      </td>
                      <td>
                        <strong>
                          {t(`quarantine.reasons.${q.reasonCode}`, { defaultValue: q.reasonCode })}
                        </strong>
                        {' — '}
                        {q.reason}
                      </td>
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
