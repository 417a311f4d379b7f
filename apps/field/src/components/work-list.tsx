import { formatDateFr, searchKey } from '@jigi/domain';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldPathLabel } from '../lib/field-path-label';
import { Link } from '../lib/router';
import { liveValue, useLive } from '../lib/use-live';
import { workItems, type WorkItem, type WorkStatus } from '../storage/records';
import { allVillages } from '../storage/reference';
import { StatusBadge } from './record-status';

const FILTER_STATUSES: readonly WorkStatus[] = [
  'draft',
  'finalised',
  'synced',
  'returned',
  'conflict',
  'rejected',
];

/**
 * Lines drawn at once. A village list holds thousands of households and each keystroke in the search
 * redrew every match (2 001 lines: 472 ms on a tablet-class CPU); the search still runs over all of them.
 */
export const LIST_PAGE_SIZE = 50;

const countFormat = new Intl.NumberFormat('fr-FR');

/**
 * A workflow's drafts and records: search (accent- and case-insensitive, on names and codes), filter
 * by village and by status. `describe` gives each line its title; `to` its screen. Shows the first
 * LIST_PAGE_SIZE matches, and more on « Afficher plus ».
 */
export function WorkList({
  agentId,
  types,
  describe,
  to,
}: {
  agentId: string;
  types: readonly string[];
  describe: (item: WorkItem) => { title: string; subtitle?: string };
  to: (item: WorkItem) => string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const items = liveValue(
    useLive(() => workItems(agentId, types), [agentId, types.join(',')]),
    [],
  );
  const villages = liveValue(useLive(allVillages, []), []);
  const [query, setQuery] = useState('');
  const [village, setVillage] = useState('');
  const [status, setStatus] = useState('');
  const [limit, setLimit] = useState(LIST_PAGE_SIZE);
  // A new search or filter starts again from the first page of its matches.
  const refine = (set: (value: string) => void) => (value: string) => {
    set(value);
    setLimit(LIST_PAGE_SIZE);
  };
  const matches = useMemo(() => {
    const q = searchKey(query);
    const qCompact = q.replace(/ /g, '');
    return items.filter(
      (i) =>
        (village === '' || i.villageId === village) &&
        (status === '' || i.status === status || i.recordStatus === status) &&
        (q === '' || i.searchText.includes(q) || i.searchText.replace(/ /g, '').includes(qCompact)),
    );
  }, [items, query, village, status]);
  const shown = matches.length > limit ? matches.slice(0, limit) : matches;
  const countText =
    shown.length < matches.length
      ? t('list.countOf', {
          count: matches.length,
          shown: countFormat.format(shown.length),
          total: countFormat.format(matches.length),
        })
      : t('list.count', { count: matches.length, total: countFormat.format(matches.length) });
  const villageName = (vid: string) => villages.find((v) => v.id === vid)?.name ?? '';
  return (
    <>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('list.searchLabel')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            onChange={(e) => {
              refine(setQuery)(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-v`}>{t('list.filterVillage')}</label>
          <select
            id={`${id}-v`}
            value={village}
            onChange={(e) => {
              refine(setVillage)(e.target.value);
            }}
          >
            <option value="">{t('allVillages')}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-s`}>{t('list.filterStatus')}</label>
          <select
            id={`${id}-s`}
            value={status}
            onChange={(e) => {
              refine(setStatus)(e.target.value);
            }}
          >
            <option value="">{t('allStatuses')}</option>
            {FILTER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statusLabels.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p data-testid="list-count">{countText}</p>
      {shown.length === 0 && <p>{t('noResults')}</p>}
      <ul className="list" aria-label={countText}>
        {shown.map((item) => {
          const d = describe(item);
          return (
            <li key={item.id}>
              <span className="grow">
                <span className="list-title">{d.title}</span> <StatusBadge status={item.status} />
                {item.recordStatus && item.recordStatus !== 'finalised' && (
                  <>
                    {' '}
                    <StatusBadge status={item.recordStatus} />
                  </>
                )}
                <br />
                <span className="small">
                  {[
                    d.subtitle,
                    villageName(item.villageId),
                    t('list.updated', { date: formatDateFr(item.updatedAt) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {item.supervisorComment &&
                  (item.status === 'returned' || item.recordStatus === 'returned') && (
                    <span className="issue issue-warning">
                      <br />
                      {t('form.supervisorComment')} : {item.supervisorComment}
                    </span>
                  )}
                {item.conflictPaths &&
                  (item.status === 'conflict' || item.recordStatus === 'conflict') && (
                    <span className="issue issue-warning" data-testid="conflict-fields">
                      <br />
                      {t('form.conflictFields', {
                        fields: item.conflictPaths.map(fieldPathLabel).join(', '),
                      })}
                    </span>
                  )}
                {item.rejection && item.status === 'rejected' && (
                  <span className="issue issue-error">
                    <br />
                    {t('form.rejection')} : {item.rejection.message}
                  </span>
                )}
              </span>
              <Link to={to(item)} className="btn btn-small">
                {t('list.open')}
              </Link>
            </li>
          );
        })}
      </ul>
      {shown.length < matches.length && (
        <button
          type="button"
          className="btn btn-block"
          onClick={() => {
            setLimit((l) => l + LIST_PAGE_SIZE);
          }}
        >
          {t('list.showMore', { count: Math.min(LIST_PAGE_SIZE, matches.length - shown.length) })}
        </button>
      )}
    </>
  );
}
