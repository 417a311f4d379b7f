import { ScrollTable } from '../../components/scroll-table';
import type { AdminDevice, DevicesQuery } from '@jigi/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { ConfirmPanel } from '../../components/confirm-panel';
import { Notice } from '../../components/notice';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { formatDateTimeFr } from '../../lib/format';
import { listDevices, revokeDevice } from './admin-api';
import { Filters, PAGE_SIZE, Pager, SearchField, SelectField, useListFilters } from './admin-list';

/** Tablets named for their user; a lost one is revoked after a confirmation that says what follows. */
export function TabletsScreen() {
  const { t } = useTranslation('admin');
  const { query, offset, setFilter, setOffset } = useListFilters();
  const filters = { q: query['q'], status: query['status'] as DevicesQuery['status'] };
  const devices = useRemote(
    (signal) => listDevices({ ...filters, offset, limit: PAGE_SIZE }, signal),
    JSON.stringify([filters, offset]),
  );
  const [revoking, setRevoking] = useState<AdminDevice | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const revoke = async (device: AdminDevice) => {
    setBusy(true);
    const result = await revokeDevice(device.id);
    setBusy(false);
    setRevoking(null);
    setMessage(
      result.ok
        ? { tone: 'success', text: t('tablets.revoked', { name: device.name }) }
        : {
            tone: 'error',
            text: result.error.kind === 'http' ? result.error.message : t('errorGeneric'),
          },
    );
    devices.reload();
  };
  return (
    <div className="stack">
      <Filters label={t('filters')}>
        <SearchField
          label={t('tablets.search')}
          value={query['q'] ?? ''}
          onChange={(v) => {
            setFilter('q', v);
          }}
        />
        <SelectField
          label={t('tablets.state')}
          value={query['status'] ?? ''}
          allLabel={t('tablets.allStates')}
          options={[
            { value: 'active', label: t('tablets.active') },
            { value: 'revoked', label: t('tablets.revokedState') },
          ]}
          onChange={(v) => {
            setFilter('status', v);
          }}
        />
      </Filters>
      {message !== null && <Notice tone={message.tone}>{message.text}</Notice>}
      {revoking !== null && (
        <ConfirmPanel
          title={t('tablets.confirmTitle', { name: revoking.name })}
          danger
          busy={busy}
          onConfirm={() => {
            void revoke(revoking);
          }}
          onCancel={() => {
            setRevoking(null);
          }}
        >
          <p>{t('tablets.confirmHelp')}</p>
        </ConfirmPanel>
      )}
      <RemoteView
        remote={devices}
        reload={devices.reload}
        isEmpty={(v) => v.total === 0}
        empty={t('tablets.empty')}
      >
        {(page) => (
          <>
            <ScrollTable label={t('tablets.count', { count: page.total })}>
              <table className="sheet sup-table">
                <caption>{t('tablets.count', { count: page.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tablets.name')}</th>
                    <th scope="col">{t('tablets.user')}</th>
                    <th scope="col">{t('tablets.label')}</th>
                    <th scope="col">{t('tablets.registered')}</th>
                    <th scope="col">{t('tablets.lastSync')}</th>
                    <th scope="col">{t('tablets.unsynced')}</th>
                    <th scope="col">{t('tablets.rejections')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((d) => (
                    <tr key={d.id} data-testid="tablet-row">
                      <td>{d.name}</td>
                      <td>{`${d.userName} (${d.userLogin})`}</td>
                      <td>{d.label}</td>
                      <td>{formatDateTimeFr(d.registeredAt)}</td>
                      <td>
                        {d.lastSyncAt === null
                          ? t('tablets.never')
                          : formatDateTimeFr(d.lastSyncAt)}
                      </td>
                      <td>
                        {d.unsyncedReported === null
                          ? t('tablets.unsyncedUnknown')
                          : String(d.unsyncedReported)}
                      </td>
                      <td>{String(d.rejections)}</td>
                      <td>
                        {d.revokedAt === null ? (
                          <Button
                            variant="danger"
                            className="btn-small"
                            aria-label={t('tablets.revokeOf', { name: d.name })}
                            onClick={() => {
                              setMessage(null);
                              setRevoking(d);
                            }}
                          >
                            {t('tablets.revoke')}
                          </Button>
                        ) : (
                          t('tablets.revokedOn', { date: formatDateTimeFr(d.revokedAt) })
                        )}
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
