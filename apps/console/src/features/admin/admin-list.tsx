import { useCallback, useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { navigate, usePath } from '../../lib/router';

// What every admin list shares: its filters and page in the address (a link shows the same list),
// a search box, labelled selects, and a pager « 1–50 sur 312 ».

export const PAGE_SIZE = 50;

/** The query of the current address as a plain record, and a setter that keeps the path. */
export function useUrlQuery(): {
  query: Readonly<Record<string, string>>;
  setQuery: (next: Record<string, string | undefined>) => void;
} {
  const full = usePath();
  const [path = full, search = ''] = full.split('?');
  const query = useMemo(() => Object.fromEntries(new URLSearchParams(search)), [search]);
  const setQuery = useCallback(
    (next: Record<string, string | undefined>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') params.set(k, v);
      const text = params.toString();
      navigate(text === '' ? path : `${path}?${text}`, { replace: true });
    },
    [path],
  );
  return { query, setQuery };
}

/** Changing a filter starts again at the first page. */
export function useListFilters() {
  const { query, setQuery } = useUrlQuery();
  const offset = Number(query['offset'] ?? '0') || 0;
  return {
    query,
    offset,
    setFilter: (key: string, value: string) => {
      setQuery({ ...query, [key]: value, offset: undefined });
    },
    setOffset: (next: number) => {
      setQuery({ ...query, offset: next === 0 ? undefined : String(next) });
    },
  };
}

export function SearchField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        defaultValue={value}
        // Applied on Enter or on leaving the box: one request per search, not per letter.
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(e.currentTarget.value.trim());
        }}
        onBlur={(e) => {
          if (e.currentTarget.value.trim() !== value) onChange(e.currentTarget.value.trim());
        }}
      />
    </div>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  options,
  allLabel,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
  /** The first option, meaning « no filter »; none for a required choice. */
  allLabel?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Filters({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form
      className="sup-filters"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      {children}
    </form>
  );
}

export function Pager({
  offset,
  total,
  pageSize = PAGE_SIZE,
  onChange,
}: {
  offset: number;
  total: number;
  pageSize?: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useTranslation('admin');
  if (total <= pageSize && offset === 0) return null;
  return (
    <nav className="row" aria-label={t('pager.label')}>
      <Button
        disabled={offset === 0}
        onClick={() => {
          onChange(Math.max(0, offset - pageSize));
        }}
      >
        {t('pager.previous')}
      </Button>
      <span>
        {t('pager.range', {
          from: Math.min(total, offset + 1),
          to: Math.min(total, offset + pageSize),
          total,
        })}
      </span>
      <Button
        disabled={offset + pageSize >= total}
        onClick={() => {
          onChange(offset + pageSize);
        }}
      >
        {t('pager.next')}
      </Button>
    </nav>
  );
}
