/** One export measured: its size, what came out, how long it took, the server's memory. */
export interface ExportRun {
  backend: 'sqlite' | 'postgres';
  households: number;
  format: 'csv' | 'xlsx';
  bytes: number;
  /** CSV lines after the header (null for XLSX). */
  lines: number | null;
  /** Every household came out (CSV: one line each). */
  complete: boolean;
  seconds: number;
  /** VmRSS of the server, logged in and idle, before the export. */
  idleRssMb: number;
  /** Highest VmRSS sampled every 20 ms during the export. */
  peakRssMb: number;
  /** VmHWM after the export: the kernel's peak over the process's life (start-up included). */
  hwmMb: number;
  /** VmHWM before the export (start-up and login). */
  startHwmMb: number;
}

const mb = (x: number) => x.toFixed(0);

/** The section's table: one line per export. */
export function exportMemoryMarkdown(runs: readonly ExportRun[]): string {
  const head =
    '| store | households | format | file | time | households/s | RSS idle | RSS peak | peak − idle | VmHWM before → after | complete |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|';
  const lines = runs.map(
    (r) =>
      `| ${r.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.households.toLocaleString('en-US')} | ${r.format.toUpperCase()} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.seconds.toFixed(1)} s | ${Math.round(r.households / r.seconds).toLocaleString('en-US')} | ${mb(r.idleRssMb)} MB | ${mb(r.peakRssMb)} MB | ${mb(r.peakRssMb - r.idleRssMb)} MB | ${mb(r.startHwmMb)} → ${mb(r.hwmMb)} MB | ${r.complete ? 'yes' : '**no**'} |`,
  );
  return [
    'The real server (one process, on SQLite and on PostgreSQL — a throwaway local cluster) as a child process; the ciblage household export (`GET /api/exports/records.{csv,xlsx}?type=ciblage_household`, French labels; the XLSX has the roster sheet too) downloaded once by a client reading as fast as it can, on a fresh server each time. RSS is the server process’s resident memory (`/proc/<pid>/status`), sampled every 20 ms. Flat means the peak does not grow with the export: at the largest size it stays within 50 MB of the smallest’s (V8 collects garbage lazily, so resident memory saws by about that much while the live heap stays put).',
    '',
    head,
    ...lines,
  ].join('\n');
}
