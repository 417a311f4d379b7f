import {
  errorEnvelopeSchema,
  errorKinds,
  remedyOf,
  type ErrorKind,
  type ErrorRemedy,
} from '@jigi/sync';
import type { ClockSample } from './clock-offset';

// HTTP for the sync engine, every failure a value (STYLE.md). The kinds decide what the engine does:
// `timeout` and `network` shrink the next batch and retry; `http` carries the server's error kind
// (packages/sync errorKinds) which says whether and when to retry.

export interface Transport {
  /** Origin of the server ('' in the app: same origin; the proxy's URL in tests). */
  baseUrl: string;
  fetch: typeof fetch;
  /** The device clock in ms (injected: tests run tablets in 2001). */
  now: () => number;
}

export type NetError =
  | { kind: 'timeout'; message: string }
  | { kind: 'network'; message: string }
  | {
      kind: 'http';
      status: number;
      code: string;
      errorKind: ErrorKind;
      message: string;
      retryAfterMs?: number | undefined;
      details?: Record<string, unknown> | undefined;
    }
  | { kind: 'invalid'; message: string };

export interface NetOk<T> {
  ok: true;
  value: T;
  sample?: ClockSample | undefined;
  bytesUp: number;
  bytesDown: number;
}
export type NetResult<T> = NetOk<T> | { ok: false; error: NetError; bytesUp: number };

interface Parser<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { message: string } };
}

function kindOfStatus(status: number): ErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 410) return 'epoch_changed';
  if (status === 413) return 'too_large';
  if (status === 426) return 'unsupported_version';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'validation';
}

export async function request<T>(
  t: Transport,
  input: {
    method: 'GET' | 'POST';
    path: string;
    token: string;
    body?: Uint8Array | undefined;
    gzip?: boolean;
    timeoutMs: number;
    headers?: Readonly<Record<string, string>>;
  },
  parser: Parser<T>,
): Promise<NetResult<T>> {
  const controller = new AbortController();
  // Only our timer aborts: an aborted signal means a timeout, anything else a network failure.
  const timer = setTimeout(() => {
    controller.abort();
  }, input.timeoutMs);
  const bytesUp = input.body?.length ?? 0;
  const sentAt = t.now();
  try {
    let response: Response;
    try {
      response = await t.fetch(`${t.baseUrl}${input.path}`, {
        method: input.method,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${input.token}`,
          ...(input.body ? { 'Content-Type': 'application/json' } : {}),
          ...(input.body && input.gzip ? { 'Content-Encoding': 'gzip' } : {}),
          ...input.headers,
        },
        ...(input.body ? { body: input.body as Uint8Array<ArrayBuffer> } : {}),
        signal: controller.signal,
      });
    } catch (e: unknown) {
      return {
        ok: false,
        error: {
          kind: controller.signal.aborted ? 'timeout' : 'network',
          message: e instanceof Error ? e.message : String(e),
        },
        bytesUp,
      };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (e: unknown) {
      // The answer was lost on the way back (drop after commit): the server may have committed.
      return {
        ok: false,
        error: {
          kind: controller.signal.aborted ? 'timeout' : 'network',
          message: e instanceof Error ? e.message : String(e),
        },
        bytesUp,
      };
    }
    const receivedAt = t.now();
    const bytesDown = Number(response.headers.get('content-length') ?? text.length) || text.length;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      const env = errorEnvelopeSchema.safeParse(data);
      const err = env.success ? env.data.error : undefined;
      return {
        ok: false,
        bytesUp,
        error: {
          kind: 'http',
          status: response.status,
          code: err?.code ?? `http_${response.status}`,
          errorKind: err?.kind ?? kindOfStatus(response.status),
          message: err?.message ?? response.statusText,
          retryAfterMs: err?.retryAfterMs,
          details: err?.details,
        },
      };
    }
    const parsed = parser.safeParse(data);
    if (!parsed.success)
      return { ok: false, error: { kind: 'invalid', message: parsed.error.message }, bytesUp };
    const serverTime = (data as { serverTime?: unknown }).serverTime;
    const sample =
      typeof serverTime === 'string'
        ? { sentAt, receivedAt, serverTime: Date.parse(serverTime) }
        : undefined;
    return { ok: true, value: parsed.data, sample, bytesUp, bytesDown };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether waiting and trying again may work, and the hint for how long. */
export function retryHint(error: NetError): { retryable: boolean; hintMs: number } {
  switch (error.kind) {
    case 'timeout':
    case 'network':
      return { retryable: true, hintMs: 0 };
    case 'invalid':
      return { retryable: true, hintMs: errorKinds.server.backoffHintMs };
    case 'http':
      return {
        retryable: errorKinds[error.errorKind].retryable,
        hintMs: error.retryAfterMs ?? errorKinds[error.errorKind].backoffHintMs,
      };
  }
}

/**
 * What the engine does about a failure: the server's error kind says it (packages/sync errorKinds);
 * a timeout or a dropped connection is resent as it is (the server may have committed: the same
 * bytes are answered from its stored results), an answer that does not parse is not.
 */
export function remedyOfNetError(error: NetError): ErrorRemedy {
  switch (error.kind) {
    case 'timeout':
    case 'network':
      return 'resend';
    case 'invalid':
      return 'fix';
    case 'http':
      return remedyOf(error.errorKind);
  }
}
