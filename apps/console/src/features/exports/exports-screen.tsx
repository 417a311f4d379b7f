import { recordTypes } from '@jigi/domain';
import { useState } from 'react';
import { Notice } from '../../components/notice';
import {
  childTables,
  exportUrl,
  fetchExport,
  type ExportFormat,
  type ExportRequest,
} from '../../api/exports';
import { apiErrorText } from '../../components/api-error-text';
import { FilterBar } from '../../components/filter-bar';
import { useFilters } from '../../hooks/use-filters';
import { useScope } from '../../hooks/use-scope';
import { useSupervisorT } from '../../lib/i18n';
import { saveFile } from './save-file';

type Item = { key: string; label: string; req: ExportRequest };

/** CSV and XLSX per record type (the ciblage roster as its own table), with the current filters. */
export function ExportsScreen({ save = saveFile }: { save?: (blob: Blob, name: string) => void }) {
  const { t } = useSupervisorT();
  const scope = useScope();
  const { filters, setFilters } = useFilters();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const exportFilters = {
    ...(filters.zone ? { zone: filters.zone } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  // Each record type in CSV and XLSX (one sheet per child list); each child list also as its own CSV.
  type Row = { type: string; label: string; table?: string; formats: readonly ExportFormat[] };
  const rows: Row[] = recordTypes.flatMap((type): Row[] => [
    { type, label: t(`recordTypes.${type}`), formats: ['csv', 'xlsx'] },
    ...(childTables[type] ?? []).map((table) => ({
      type,
      table,
      label: t(`exports.tables.${table}`, { type: t(`recordTypes.${type}`) }),
      formats: ['csv'] as const,
    })),
  ]);

  async function download(item: Item) {
    setBusy(item.key);
    setMessage(null);
    const result = await fetchExport(item.req);
    setBusy(null);
    if (!result.ok) {
      setMessage({ tone: 'error', text: apiErrorText(result.error, t) });
      return;
    }
    save(result.value.blob, result.value.fileName);
    setMessage({ tone: 'success', text: t('exports.done', { name: result.value.fileName }) });
  }

  return (
    <>
      <FilterBar
        filters={filters}
        onChange={setFilters}
        scope={scope}
        fields={['zone', 'status', 'from', 'to']}
      />
      <p>{t('exports.intro')}</p>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <ul className="list">
        {rows.map((row) => (
          <li key={`${row.type}-${row.table ?? ''}`}>
            <span className="grow list-title">{row.label}</span>
            {row.formats.map((format) => {
              const item: Item = {
                key: `${row.type}-${row.table ?? ''}-${format}`,
                label: row.label,
                req: {
                  recordType: row.type,
                  format,
                  filters: exportFilters,
                  ...(row.table ? { table: row.table } : {}),
                },
              };
              return (
                <a
                  key={format}
                  className="btn btn-small"
                  href={exportUrl(item.req)}
                  aria-label={t('exports.download', {
                    what: row.label,
                    format: format.toUpperCase(),
                  })}
                  aria-busy={busy === item.key}
                  onClick={(e) => {
                    e.preventDefault();
                    if (busy === null) void download(item);
                  }}
                >
                  {busy === item.key ? t('exports.preparing') : format.toUpperCase()}
                </a>
              );
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
