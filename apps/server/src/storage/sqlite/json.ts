export { readJson } from '../row-mappers';

/** Writes a JSON column. */
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
