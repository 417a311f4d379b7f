import type pg from 'pg';

/** One statement on the transaction's client: its rows. */
export type Query = <Row extends object>(
  sql: string,
  params?: readonly unknown[],
) => Promise<Row[]>;

export function queryOn(client: pg.ClientBase): Query {
  return async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
    (await client.query<Row>(sql, params as unknown[])).rows;
}

/** Reads a JSON text column (written only by this folder, so its shape is known). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the column's known shape
export function readJson<T>(text: string | null): T {
  return (text === null ? null : JSON.parse(text)) as T;
}
