// The server configurations §4 puts under the same load, in one run (issue 14 §8): the embedded
// SQLite default in one process, then PostgreSQL in one process and in several (`WORKERS=N`).

export type LoadBackend = 'sqlite' | 'postgres';

/** One way of running the server for the load run. */
export interface LoadConfiguration {
  /** As `BENCH_LOAD_CONFIGS` names it: `sqlite-1`, `postgres-1`, `postgres-2`… */
  id: string;
  backend: LoadBackend;
  /** Server processes on the one port (`WORKERS`). */
  workers: number;
  /** Column heading, e.g. `PostgreSQL, 2 processes`. */
  label: string;
}

/** Issue 14 §8: SQLite with 1 process, PostgreSQL with 1 and with 2 processes. */
export const defaultLoadConfigurations = 'sqlite-1,postgres-1,postgres-2';

const backendNames: Record<LoadBackend, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** `postgres-2` → PostgreSQL served by 2 processes; throws on what the server itself would refuse. */
export function loadConfiguration(id: string): LoadConfiguration {
  const m = /^(sqlite|postgres)-(\d+)$/.exec(id.trim());
  if (!m?.[1] || !m[2])
    throw new Error(
      `BENCH_LOAD_CONFIGS takes a comma list of <backend>-<processes> (sqlite-1, postgres-1, postgres-2…); got "${id}"`,
    );
  const backend = m[1] as LoadBackend;
  const workers = Number(m[2]);
  if (workers < 1 || workers > 64)
    throw new Error(`"${id}": between 1 and 64 server processes (WORKERS)`);
  if (backend === 'sqlite' && workers > 1)
    throw new Error(
      `"${id}": the server refuses WORKERS > 1 on SQLite (one file, one writer); use postgres-${workers}`,
    );
  return {
    id: `${backend}-${workers}`,
    backend,
    workers,
    label: `${backendNames[backend]}, ${workers} process${workers === 1 ? '' : 'es'}`,
  };
}

/** `BENCH_LOAD_CONFIGS`, in the order given (the order they run in), each once. */
export function loadConfigurations(
  value: string | undefined = defaultLoadConfigurations,
): LoadConfiguration[] {
  const text = value.trim() === '' ? defaultLoadConfigurations : value;
  const list = text.split(',').map(loadConfiguration);
  const ids = list.map((c) => c.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new Error(`BENCH_LOAD_CONFIGS names "${twice}" twice`);
  return list;
}
