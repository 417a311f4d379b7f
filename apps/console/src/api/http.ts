// HTTP to the server with every failure as a value: no network, an HTTP error with the server's
// stable code (docs/errors.md), or an answer that does not match the contract. The credential is the
// browser session cookie (HttpOnly, SameSite=Strict) set by `POST /api/auth/login`: the console
// never holds a token a script could read.

export type ApiError =
  | { kind: 'offline'; message: string }
  | { kind: 'http'; status: number; code: string; message: string; retryAfterMs?: number }
  | { kind: 'invalid'; message: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface Parser<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { message: string } };
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/**
 * Called whenever the server answers 401 to a console call (session expired, closed elsewhere or
 * the account disabled): the session provider then asks for the password again.
 */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** A file's bytes sent as they are (`application/octet-stream`). */
  bytes?: Blob;
  signal?: AbortSignal;
}

/** Fetches `path` on this origin with the session cookie; `Response` or the network failure. */
export async function send(
  path: string,
  init: RequestInit = {},
  accept = 'application/json',
): Promise<{ ok: true; response: Response } | { ok: false; error: ApiError }> {
  const contentType =
    init.bytes !== undefined
      ? 'application/octet-stream'
      : init.body !== undefined
        ? 'application/json'
        : undefined;
  try {
    const response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: { Accept: accept, ...(contentType ? { 'Content-Type': contentType } : {}) },
      ...(init.bytes !== undefined
        ? { body: init.bytes }
        : init.body !== undefined
          ? { body: JSON.stringify(init.body) }
          : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    return { ok: true, response };
  } catch (e: unknown) {
    return {
      ok: false,
      error: { kind: 'offline', message: e instanceof Error ? e.message : String(e) },
    };
  }
}

/** The error of a non-2xx answer, from the server's envelope `{ error: { code, message } }`. */
export async function httpError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const err = (
    body as { error?: { code?: unknown; message?: unknown; retryAfterMs?: unknown } } | undefined
  )?.error;
  if (response.status === 401) for (const listener of unauthorizedListeners) listener();
  return {
    kind: 'http',
    status: response.status,
    code: typeof err?.code === 'string' ? err.code : `http_${String(response.status)}`,
    message: typeof err?.message === 'string' ? err.message : response.statusText,
    ...(typeof err?.retryAfterMs === 'number' ? { retryAfterMs: err.retryAfterMs } : {}),
  };
}

/** A JSON call whose answer is parsed with `parser` (a contract schema). */
export async function requestJson<T>(
  path: string,
  init: RequestInit,
  parser: Parser<T>,
): Promise<ApiResult<T>> {
  const sent = await send(path, init);
  if (!sent.ok) return sent;
  const { response } = sent;
  if (!response.ok) return { ok: false, error: await httpError(response) };
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    return { ok: false, error: { kind: 'invalid', message: 'réponse non JSON' } };
  }
  const parsed = parser.safeParse(data);
  if (!parsed.success)
    return { ok: false, error: { kind: 'invalid', message: parsed.error.message } };
  return { ok: true, value: parsed.data };
}
