import { useEffect, useRef } from 'react';

export type Series = { label: string; data: readonly number[]; colour: string };

/**
 * A bar chart drawn by chart.js on a canvas. The canvas is an image for assistive technology: the
 * same numbers are always in the table beside it, which is what is read, printed and tested.
 * chart.js is imported on first use, so it is a chunk of its own that only the dashboard loads.
 */
export function BarChart({
  title,
  labels,
  series,
  stacked,
  max,
}: {
  title: string;
  labels: readonly string[];
  series: readonly Series[];
  stacked?: boolean;
  max?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify({ labels, series, stacked, max });
  useEffect(() => {
    let chart: { destroy: () => void } | undefined;
    let live = true;
    void import('./chart-setup').then(({ Chart }) => {
      const el = canvas.current;
      // No 2D context (a test DOM, a browser without canvas): the table beside it carries the numbers.
      if (!live || !el || typeof el.getContext !== 'function' || !hasCanvas(el)) return;
      chart = new Chart(el, {
        type: 'bar',
        plugins: [valueLabels],
        data: {
          labels: [...labels],
          datasets: series.map((s) => ({
            label: s.label,
            data: [...s.data],
            backgroundColor: s.colour,
            borderColor: '#111',
            borderWidth: 1,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          // Bars run sideways: village and project names read in full on the axis, one per line.
          indexAxis: 'y',
          scales: {
            y: { stacked: stacked ?? false },
            x: {
              stacked: stacked ?? false,
              beginAtZero: true,
              ticks: { precision: 0 },
              ...(max !== undefined ? { max } : {}),
            },
          },
          plugins: { legend: { position: 'top' } },
        },
      });
    });
    return () => {
      live = false;
      chart?.destroy();
    };
    // `data` is the serialised input: redraw only when the numbers change.
  }, [data]);
  // A bar per label at a readable thickness: the chart grows with the list instead of squeezing it.
  const height = 90 + labels.length * (stacked === true ? 1 : series.length) * 28;
  return (
    <div className="sup-chart" style={{ height: `${String(Math.min(height, 900))}px` }}>
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}

/**
 * Writes each bar's number at its end (the total at the end of a stacked bar), so the chart reads
 * without hovering: the figures are the same as the table's.
 */
const valueLabels = {
  id: 'jigiValueLabels',
  afterDatasetsDraw(chart: {
    ctx: CanvasRenderingContext2D;
    data: { datasets: { data: unknown[] }[] };
    options: { scales?: { x?: { stacked?: boolean } } };
    getDatasetMeta: (i: number) => { hidden?: boolean | null; data: { x: number; y: number }[] };
  }) {
    const { ctx } = chart;
    const stacked = chart.options.scales?.x?.stacked === true;
    const datasets = chart.data.datasets;
    ctx.save();
    ctx.fillStyle = '#111';
    ctx.font = 'bold 14px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    datasets.forEach((dataset, d) => {
      if (stacked && d !== datasets.length - 1) return;
      chart.getDatasetMeta(d).data.forEach((bar, i) => {
        const value = stacked
          ? datasets.reduce((sum, ds) => sum + Number(ds.data[i] ?? 0), 0)
          : Number(dataset.data[i] ?? 0);
        ctx.fillText(value.toLocaleString('fr-ML'), bar.x + 6, bar.y);
      });
    });
    ctx.restore();
  },
};

function hasCanvas(el: HTMLCanvasElement): boolean {
  // jsdom has a getContext that is "not implemented"; real browsers return a context.
  return !/jsdom/i.test(navigator.userAgent) && el.getContext('2d') !== null;
}
