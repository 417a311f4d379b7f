import { ScrollTable } from '../../components/scroll-table';
import {
  formatDateFr,
  formatFcfa,
  himoMicroprojectSchema,
  microprojectType,
  type HimoMicroproject,
} from '@jigi/domain';
import type { AdminMicroproject, AdminVillage } from '@jigi/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { listMicroprojects, listVillages } from './admin-api';
import { Filters, SearchField, useListFilters } from './admin-list';
import { MicroprojectForm } from './microproject-form';

/** HIMO microprojects (a programme has tens): searched on the page, created and edited. */
export function MicroprojectsScreen() {
  const { t } = useTranslation('admin');
  const { query, setFilter } = useListFilters();
  const projects = useRemote((signal) => listMicroprojects(signal), 'microprojects');
  const villages = useRemote((signal) => listVillages({ limit: 500 }, signal), 'villages');
  const known: AdminVillage[] = villages.status === 'ready' ? villages.value.rows : [];
  const [editing, setEditing] = useState<HimoMicroproject | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const q = (query['q'] ?? '').toLowerCase();
  const villageName = (id: string) => known.find((v) => v.id === id)?.name ?? id;
  return (
    <div className="stack">
      <Filters label={t('filters')}>
        <SearchField
          label={t('microprojects.search')}
          value={query['q'] ?? ''}
          onChange={(v) => {
            setFilter('q', v);
          }}
        />
      </Filters>
      {saved !== null && <Notice tone="success">{saved}</Notice>}
      {editing === null ? (
        <div>
          <Button
            variant="primary"
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            {t('microprojects.new')}
          </Button>
        </div>
      ) : (
        <MicroprojectForm
          project={editing === 'new' ? undefined : editing}
          villages={known}
          onSaved={(p) => {
            setSaved(t('microprojects.saved', { name: p.name }));
            setEditing(null);
            projects.reload();
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      <RemoteView
        remote={projects}
        reload={projects.reload}
        isEmpty={(v) => v.microprojects.length === 0}
        empty={t('microprojects.empty')}
      >
        {({ microprojects }) => {
          const shown = microprojects.filter(
            (m: AdminMicroproject) => q === '' || m.name.toLowerCase().includes(q),
          );
          return (
            <ScrollTable label={t('microprojects.count', { count: shown.length })}>
              <table className="sheet sup-table">
                <caption>{t('microprojects.count', { count: shown.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('microprojects.name')}</th>
                    <th scope="col">{t('microprojects.type')}</th>
                    <th scope="col">{t('microprojects.villages')}</th>
                    <th scope="col">{t('microprojects.dates')}</th>
                    <th scope="col">{t('microprojects.wage')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((m) => (
                    <tr key={m.projectId}>
                      <td>{m.name}</td>
                      <td>{microprojectType.labels[m.type]}</td>
                      <td>{m.villageIds.map(villageName).join(', ')}</td>
                      <td>
                        {t('microprojects.from', {
                          start: formatDateFr(m.startDate),
                          end: formatDateFr(m.endDate),
                        })}
                      </td>
                      <td>{formatFcfa(m.dailyWageFcfa)}</td>
                      <td>
                        <Button
                          className="btn-small"
                          aria-label={t('microprojects.editOf', { name: m.name })}
                          onClick={() => {
                            setSaved(null);
                            setEditing(himoMicroprojectSchema.parse(m));
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
          );
        }}
      </RemoteView>
    </div>
  );
}
