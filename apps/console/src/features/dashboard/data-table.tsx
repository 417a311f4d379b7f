import type { ReactNode } from 'react';
import { ScrollTable } from '../../components/scroll-table';

export type Column<T> = {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
};

/**
 * The numbers of a chart as a plain table (what a screen reader and a printout get). It fits the page:
 * below 700 px (a 600 px tablet) each row reflows into a card of « column : value » lines.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
}) {
  return (
    <ScrollTable label={caption}>
      <table className="sheet sup-table sup-reflow">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'sup-num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                // On a narrow screen each row becomes a card; the cell says its column there.
                <td
                  key={c.key}
                  className={c.numeric ? 'sup-num nowrap' : undefined}
                  data-label={c.header}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
