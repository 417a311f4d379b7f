import type { ReactNode } from 'react';

/** A dashboard panel: title, then the chart and its table side by side (stacked on a narrow screen). */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  const id = `panel-${title.replace(/\W+/g, '-')}`;
  return (
    <section className="card sup-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function ChartAndTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <div className="sup-chart-table">
      {chart}
      {table}
    </div>
  );
}
