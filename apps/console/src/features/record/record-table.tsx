import { ScrollTable } from '../../components/scroll-table';
import type { Issue } from '@jigi/sync';
import { flattenRecord, type Json, type JsonObject } from '@jigi/sync';
import { useSupervisorT } from '../../lib/i18n';
import { childRef } from './child-ref';
import { derivedColumns } from './derived-columns';
import { labelOf } from './field-label';
import { useMuacThresholds } from './use-muac-thresholds';
import { formatValue, leafName } from './value-labels';

/** Column paths of a list of lines: every leaf any line has (nested ones flattened), `id` left out. */
export function columnsOf(rows: readonly JsonObject[]): string[] {
  const cols: string[] = [];
  for (const row of rows)
    for (const path of Object.keys(flattenRecord(row)))
      if (path !== 'id' && !cols.includes(path)) cols.push(path);
  return cols;
}

/** A roster (or children, attendance, sheet lines) as a table; a line with a warning is highlighted. */
export function RecordTable({
  type,
  field,
  rows,
  record,
  warnings,
  caption,
}: {
  type: string;
  field: string;
  rows: readonly JsonObject[];
  record: JsonObject;
  warnings: readonly Issue[];
  caption: string;
}) {
  const { t } = useSupervisorT();
  const yesNo = { yes: t('yes'), no: t('no') };
  const cols = columnsOf(rows);
  const derived = derivedColumns(type, field, record, useMuacThresholds(), t);
  return (
    <ScrollTable label={caption}>
      <table className="sheet sup-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c} scope="col">
                {c
                  .split('.')
                  .map((s) => labelOf(s))
                  .join(' › ')}
              </th>
            ))}
            {derived.map((d) => (
              <th key={d.key} scope="col">
                {d.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const id = typeof row['id'] === 'string' ? row['id'] : '';
            const flat = flattenRecord(row);
            const issues = warnings.filter((w) => w.path.startsWith(`${field}.${id}`));
            return (
              <tr
                key={id}
                className={issues.length > 0 ? 'sup-row-warning' : undefined}
                title={issues.map((i) => i.message).join(' ; ') || undefined}
              >
                {cols.map((c) => (
                  <td key={c}>
                    {childRef(record, leafName(c), flat[c] as Json | undefined) ??
                      formatValue(type, leafName(c), flat[c] as Json | undefined, yesNo)}
                  </td>
                ))}
                {derived.map((d) => (
                  <td key={d.key}>{d.cell(row)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {warnings.length > 0 && (
        <ul>
          {warnings.map((w) => (
            <li key={`${w.rule}|${w.path}`} className="issue issue-warning">
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </ScrollTable>
  );
}
