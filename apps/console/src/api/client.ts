import { requestJson, type ApiResult, type Parser } from './http';

// Every console call goes through here: the user's session cookie, failures as values (http.ts),
// answers parsed with the contract's schema (@jigi/contract) by the caller. The server refuses
// anything outside the user's zones; the console never filters data for security.

export type QueryValue = string | number | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** `/api/x` + `{ a: '1', b: undefined, c: '' }` → `/api/x?a=1` (empty values are no filter). */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

export function apiGet<T>(
  path: string,
  query: Query,
  parser: Parser<T>,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  return requestJson(withQuery(path, query), signal ? { signal } : {}, parser);
}

export function apiPost<T>(path: string, body: unknown, parser: Parser<T>): Promise<ApiResult<T>> {
  return requestJson(path, { method: 'POST', body }, parser);
}

/** A file's bytes as the body (`application/octet-stream`), e.g. a tablet's export file. */
export function apiPostBytes<T>(
  path: string,
  bytes: Blob,
  parser: Parser<T>,
): Promise<ApiResult<T>> {
  return requestJson(path, { method: 'POST', bytes }, parser);
}

/** Path segments from the server (record ids, batch numbers) are encoded, never pasted raw. */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}
