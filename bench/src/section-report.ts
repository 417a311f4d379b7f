/**
 * One measured section of `pnpm bench` that is not a sync-peer comparison (the app in Chromium,
 * the server under load): its figures, each against the target, and its markdown table.
 * run-all.ts collects them into bench/results/latest.json and BENCHMARKS.md.
 */
export interface TargetRow {
  /** What was measured, e.g. `cold start offline, 4× CPU throttling`. */
  metric: string;
  /** The measured figure, or null when it could not be measured (then `note` says why). */
  value: number | null;
  unit: string;
  /** The target as written in the issue, e.g. `≤ 1.5 s`. */
  target: string;
  /** Whether the target is met; null when there is no target or no figure. */
  met: boolean | null;
  note?: string;
}

export interface SectionReport {
  /** Section heading, e.g. `The app in Chromium (§3)`. */
  title: string;
  rows: TargetRow[];
  /** Rendered markdown (a table plus any explanation), printed and copied into BENCHMARKS.md. */
  markdown: string;
  /** Extra details for the JSON results (raw samples, configuration). */
  details?: Record<string, unknown>;
}
