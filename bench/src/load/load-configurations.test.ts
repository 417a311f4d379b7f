import { describe, expect, it } from 'vitest';
import { loadConfiguration, loadConfigurations } from './load-configurations';

describe('the server configurations of the load run', () => {
  it("defaults to issue 14's three, in the order they run", () => {
    expect(loadConfigurations()).toEqual([
      { id: 'sqlite-1', backend: 'sqlite', workers: 1, label: 'SQLite, 1 process' },
      { id: 'postgres-1', backend: 'postgres', workers: 1, label: 'PostgreSQL, 1 process' },
      { id: 'postgres-2', backend: 'postgres', workers: 2, label: 'PostgreSQL, 2 processes' },
    ]);
    expect(loadConfigurations('  ')).toHaveLength(3);
  });

  it('reads another list, spaces allowed', () => {
    expect(loadConfigurations(' postgres-4 , sqlite-1').map((c) => c.label)).toEqual([
      'PostgreSQL, 4 processes',
      'SQLite, 1 process',
    ]);
  });

  it('refuses what the server would refuse, or what it cannot read', () => {
    expect(() => loadConfiguration('sqlite-2')).toThrow(/refuses WORKERS > 1 on SQLite/);
    expect(() => loadConfiguration('postgres-0')).toThrow(/between 1 and 64/);
    expect(() => loadConfiguration('mysql-1')).toThrow(/<backend>-<processes>/);
    expect(() => loadConfiguration('postgres')).toThrow(/<backend>-<processes>/);
    expect(() => loadConfigurations('postgres-1,postgres-1')).toThrow(/twice/);
  });
});
