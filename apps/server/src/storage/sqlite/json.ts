import type { Json } from '@jigi/sync';

/** Reads a JSON column. Columns are written only by this folder, so the shape is known. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- callers name the column's known shape
export function readJson<T = Json>(text: string | null): T {
  return (text === null ? null : JSON.parse(text)) as T;
}
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
