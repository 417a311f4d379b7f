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
          scales: {
            x: { stacked: stacked ?? false },
            y: {
              stacked: stacked ?? false,
              beginAtZero: true,
              ...(max !== undefined ? { max } : {}),
            },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      });
    });
    return () => {
      live = false;
      chart?.destroy();
    };
    // `data` is the serialised input: redraw only when the numbers change.
  }, [data]);
  return (
    <div className="sup-chart">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}

function hasCanvas(el: HTMLCanvasElement): boolean {
  // jsdom has a getContext that is "not implemented"; real browsers return a context.
  return !/jsdom/i.test(navigator.userAgent) && el.getContext('2d') !== null;
}
