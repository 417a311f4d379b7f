import type { VillageListResponse as ReviewScope } from '@jigi/contract';
import { recordTypes } from '@jigi/domain';
import { useId } from 'react';
import { useUser } from '../session/session';
import type { ReviewFilters } from '../api/batches';
import { reviewStatuses } from '@jigi/contract';
import { useSupervisorT } from '../lib/i18n';
import { DateFilter } from './date-filter';
import { zoneOptions } from './zone-options';

export type FilterField = keyof ReviewFilters;

/** Filters as labelled selects and date inputs; which ones show depends on the screen. */
export function FilterBar({
  filters,
  onChange,
  scope,
  fields,
  agents = [],
}: {
  filters: ReviewFilters;
  onChange: (next: ReviewFilters) => void;
  scope: ReviewScope | undefined;
  fields: readonly FilterField[];
  agents?: readonly { id: string; name: string }[];
}) {
  const { t } = useSupervisorT();
  const user = useUser();
  const id = useId();
  const set = (key: FilterField, value: string) => {
    const next: ReviewFilters = { ...filters };
    if (value === '') Reflect.deleteProperty(next, key);
    else next[key] = value;
    onChange(next);
  };
  const has = (f: FilterField) => fields.includes(f);
  const zones = zoneOptions(user.zones, scope?.villages ?? []);
  return (
    <form
      className="sup-filters"
      aria-label={t('filters.title')}
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      {has('zone') && (
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('filters.zone')}</label>
          <select
            id={`${id}-zone`}
            value={filters.zone ?? ''}
            onChange={(e) => {
              set('zone', e.target.value);
            }}
          >
            <option value="">{t('filters.allZones')}</option>
            {zones.map((z) => (
              <option key={z.value} value={z.value}>
                {`${'\u00a0\u00a0'.repeat(z.depth)}${z.label}`}
              </option>
            ))}
          </select>
        </div>
      )}
      {has('userId') && (
        <div className="field">
          <label htmlFor={`${id}-agent`}>{t('filters.agent')}</label>
          <select
            id={`${id}-agent`}
            value={filters.userId ?? ''}
            onChange={(e) => {
              set('userId', e.target.value);
            }}
          >
            <option value="">{t('filters.allAgents')}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {has('from') && (
        <DateFilter
          label={t('filters.from')}
          value={filters.from}
          onChange={(v) => {
            set('from', v);
          }}
          invalidText={t('filters.dateInvalid')}
        />
      )}
      {has('to') && (
        <DateFilter
          label={t('filters.to')}
          value={filters.to}
          onChange={(v) => {
            set('to', v);
          }}
          invalidText={t('filters.dateInvalid')}
        />
      )}
      {has('recordType') && (
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('filters.recordType')}</label>
          <select
            id={`${id}-type`}
            value={filters.recordType ?? ''}
            onChange={(e) => {
              set('recordType', e.target.value);
            }}
          >
            <option value="">{t('filters.allTypes')}</option>
            {recordTypes.map((rt) => (
              <option key={rt} value={rt}>
                {t(`recordTypes.${rt}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {has('status') && (
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('filters.status')}</label>
          <select
            id={`${id}-status`}
            value={filters.status ?? ''}
            onChange={(e) => {
              set('status', e.target.value);
            }}
          >
            <option value="">{t('filters.allStatuses')}</option>
            {reviewStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </form>
  );
}
