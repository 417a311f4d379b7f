import { ScrollTable } from '../../components/scroll-table';
import type { AdminHousehold } from '@jigi/contract';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { listHouseholds, listVillages, saveHousehold } from './admin-api';
import { Filters, PAGE_SIZE, Pager, SearchField, SelectField, useListFilters } from './admin-list';
import { ImportPanel } from './import-panel';

/** Beneficiary households by village and search; the head and titulaire names can be corrected. */
export function HouseholdsScreen() {
  const { t } = useTranslation('admin');
  const { query, offset, setFilter, setOffset } = useListFilters();
  const filters = { q: query['q'], villageId: query['villageId'] };
  const households = useRemote(
    (signal) => listHouseholds({ ...filters, offset, limit: PAGE_SIZE }, signal),
    JSON.stringify([filters, offset]),
  );
  const villages = useRemote((signal) => listVillages({ limit: 500 }, signal), 'villages');
  const [editing, setEditing] = useState<AdminHousehold | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="stack">
      <Filters label={t('filters')}>
        <SelectField
          label={t('households.village')}
          value={query['villageId'] ?? ''}
          allLabel={t('households.allVillages')}
          options={
            villages.status === 'ready'
              ? villages.value.rows.map((v) => ({
                  value: v.id,
                  label: `${v.name} (${v.communeName})`,
                }))
              : []
          }
          onChange={(v) => {
            setFilter('villageId', v);
          }}
        />
        <SearchField
          label={t('households.search')}
          value={query['q'] ?? ''}
          onChange={(v) => {
            setFilter('q', v);
          }}
        />
      </Filters>
      {saved !== null && <Notice tone="success">{saved}</Notice>}
      {editing !== null && (
        <HouseholdForm
          household={editing}
          onSaved={() => {
            setSaved(t('households.saved', { code: editing.householdCode }));
            setEditing(null);
            households.reload();
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      <RemoteView
        remote={households}
        reload={households.reload}
        isEmpty={(v) => v.total === 0}
        empty={t('households.empty')}
      >
        {(page) => (
          <>
            <ScrollTable label={t('households.count', { count: page.total })}>
              <table className="sheet sup-table">
                <caption>{t('households.count', { count: page.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('households.code')}</th>
                    <th scope="col">{t('households.village')}</th>
                    <th scope="col">{t('households.head')}</th>
                    <th scope="col">{t('households.titulaire')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((h) => (
                    <tr key={h.id}>
                      <td>{h.householdCode}</td>
                      <td>{h.villageName}</td>
                      <td>{h.headName}</td>
                      <td>{h.titulaireName ?? '—'}</td>
                      <td>
                        <Button
                          className="btn-small"
                          aria-label={t('households.editOf', { code: h.householdCode })}
                          onClick={() => {
                            setSaved(null);
                            setEditing(h);
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
      <ImportPanel kind="households" onImported={households.reload} />
    </div>
  );
}

function HouseholdForm({
  household,
  onSaved,
  onCancel,
}: {
  household: AdminHousehold;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [headName, setHeadName] = useState(household.headName);
  const [titulaire, setTitulaire] = useState(household.titulaireName ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const result = await saveHousehold({
      id: household.id,
      villageId: household.villageId,
      householdCode: household.householdCode,
      headName,
      ...(titulaire.trim() === '' ? {} : { titulaireName: titulaire }),
      ...(household.members === undefined ? {} : { members: household.members }),
    });
    if (result.ok) onSaved();
    else setError(result.error.kind === 'http' ? result.error.message : t('errorGeneric'));
  };
  return (
    <form
      className="stack"
      aria-label={t('households.editOf', { code: household.householdCode })}
      onSubmit={(e) => {
        void submit(e);
      }}
    >
      <h2>{t('households.editOf', { code: household.householdCode })}</h2>
      <div className="field">
        <label htmlFor={`${id}-head`}>{t('households.head')}</label>
        <input
          id={`${id}-head`}
          required
          value={headName}
          onChange={(e) => {
            setHeadName(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tit`}>{t('households.titulaire')}</label>
        <input
          id={`${id}-tit`}
          value={titulaire}
          onChange={(e) => {
            setTitulaire(e.target.value);
          }}
        />
      </div>
      {error !== null && <Notice tone="error">{error}</Notice>}
      <div className="row">
        <Button type="submit" variant="primary">
          {t('save')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
