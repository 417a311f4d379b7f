// HTTP to the server, with every failure as a value: no network, HTTP error with the server's stable
// error code (docs: apps/server/docs/errors.md), or a response that does not parse.

export type ApiError =
  | { kind: 'offline'; message: string }
  | {
      kind: 'http';
      status: number;
      code: string;
      message: string;
      retryAfterMs?: number;
      expectedMutationId?: number;
    }
  | { kind: 'invalid'; message: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface Parser<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { message: string } };
}

export async function requestJson<T>(
  path: string,
  /** `body` goes as JSON; `bytes` (a file) as they are, `application/octet-stream`. */
  init: {
    method?: 'GET' | 'POST';
    body?: unknown;
    bytes?: Blob;
    token?: string;
    signal?: AbortSignal;
  },
  parser: Parser<T>,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(init.bytes !== undefined
          ? { 'Content-Type': 'application/octet-stream' }
          : init.body !== undefined
            ? { 'Content-Type': 'application/json' }
            : {}),
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.bytes !== undefined
        ? { body: init.bytes }
        : init.body !== undefined
          ? { body: JSON.stringify(init.body) }
          : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (e: unknown) {
    return {
      ok: false,
      error: { kind: 'offline', message: e instanceof Error ? e.message : String(e) },
    };
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const err = (
      data as
        | {
            error?: {
              code?: unknown;
              message?: unknown;
              retryAfterMs?: unknown;
              details?: { expectedMutationId?: unknown };
            };
          }
        | undefined
    )?.error;
    return {
      ok: false,
      error: {
        kind: 'http',
        status: response.status,
        code: typeof err?.code === 'string' ? err.code : `http_${response.status}`,
        message: typeof err?.message === 'string' ? err.message : response.statusText,
        ...(typeof err?.retryAfterMs === 'number' ? { retryAfterMs: err.retryAfterMs } : {}),
        ...(typeof err?.details?.expectedMutationId === 'number'
          ? { expectedMutationId: err.details.expectedMutationId }
          : {}),
      },
    };
  }
  const parsed = parser.safeParse(data);
  if (!parsed.success)
    return { ok: false, error: { kind: 'invalid', message: parsed.error.message } };
  return { ok: true, value: parsed.data };
}
