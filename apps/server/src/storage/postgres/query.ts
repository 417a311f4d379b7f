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

export { readJson } from '../row-mappers';
