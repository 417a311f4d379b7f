import { ScrollTable } from '../../components/scroll-table';
import { listCercles, listRegions } from '@jigi/domain';
import type { AdminVillage } from '@jigi/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { Link } from '../../lib/router';
import { listVillages } from './admin-api';
import { Filters, PAGE_SIZE, Pager, SearchField, SelectField, useListFilters } from './admin-list';
import { ImportPanel } from './import-panel';
import { VillageForm } from './village-form';

/** Every cercle as « Koro (Mopti) », and regions, for the zone filter. */
function areaOptions() {
  return listRegions().flatMap((r) => [
    { value: r.code, label: r.name },
    ...listCercles(r.code).map((c) => ({
      value: c.code,
      label: `\u00a0\u00a0${c.name} (${r.name})`,
    })),
  ]);
}

export function VillagesScreen() {
  const { t } = useTranslation('admin');
  const { query, offset, setFilter, setOffset } = useListFilters();
  const filters = { q: query['q'], zone: query['zone'] };
  const villages = useRemote(
    (signal) => listVillages({ ...filters, offset, limit: PAGE_SIZE }, signal),
    JSON.stringify([filters, offset]),
  );
  const [editing, setEditing] = useState<AdminVillage | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="stack">
      <Filters label={t('filters')}>
        <SearchField
          label={t('villages.search')}
          value={query['q'] ?? ''}
          onChange={(v) => {
            setFilter('q', v);
          }}
        />
        <SelectField
          label={t('villages.zone')}
          value={query['zone'] ?? ''}
          allLabel={t('villages.allZones')}
          options={areaOptions()}
          onChange={(v) => {
            setFilter('zone', v);
          }}
        />
      </Filters>
      {saved !== null && <Notice tone="success">{saved}</Notice>}
      {editing !== null && (
        <VillageForm
          village={editing}
          onSaved={() => {
            setSaved(t('villages.saved', { name: editing.name }));
            setEditing(null);
            villages.reload();
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      <RemoteView
        remote={villages}
        reload={villages.reload}
        isEmpty={(v) => v.total === 0}
        empty={t('villages.empty')}
      >
        {(page) => (
          <>
            <ScrollTable label={t('villages.count', { count: page.total })}>
              <table className="sheet sup-table">
                <caption>{t('villages.count', { count: page.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('villages.name')}</th>
                    <th scope="col">{t('villages.commune')}</th>
                    <th scope="col">{t('villages.pnp')}</th>
                    <th scope="col">{t('villages.quota')}</th>
                    <th scope="col">{t('villages.households')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((v) => (
                    <tr key={v.id} data-testid="village-row">
                      <td>
                        {/* Demo villages are marked « démo » everywhere (their seeded names say it already). */}
                        {v.demo && !v.name.includes('démo')
                          ? t('villages.demoName', { name: v.name })
                          : v.name}
                      </td>
                      <td>{v.communeName}</td>
                      <td>{v.pnp ? t('yes') : t('no')}</td>
                      <td>{v.quota === undefined ? '—' : String(v.quota)}</td>
                      <td>
                        <Link to={`/admin/households?villageId=${encodeURIComponent(v.id)}`}>
                          {t('villages.householdsN', { count: v.households })}
                        </Link>
                      </td>
                      <td>
                        <Button
                          className="btn-small"
                          aria-label={t('villages.editOf', { name: v.name })}
                          onClick={() => {
                            setSaved(null);
                            setEditing(v);
                          }}
                        >
                          {t('edit')}
                        </Button>
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
      <ImportPanel kind="villages" onImported={villages.reload} />
    </div>
  );
}
