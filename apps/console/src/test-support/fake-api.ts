import { vi } from 'vitest';

// An in-test server for the console: `fetch` answers from a table of routes, and every call is kept
// so tests assert what was sent (method, path, query, body, credentials). Unknown routes answer 404 with the
// server's error envelope, like the real server does for a route it lacks.

export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The `Authorization` header: the console sends none (its credential is the session cookie). */
  authorization: string | null;
  /** `same-origin`: the session cookie goes with the call. */
  credentials: RequestCredentials | undefined;
  contentType: string | null;
  bytes?: Blob;
};
export type FakeResponse = {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: BodyInit;
};
export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeApi {
  calls: FakeRequest[];
  /** `'GET /api/review/batches'` → handler; `:param` segments match anything. */
  on: (route: string, handler: FakeHandler | FakeResponse) => void;
  /** Calls of one route. */
  callsTo: (method: string, path: string) => FakeRequest[];
}

function matches(pattern: string, path: string): boolean {
  const p = pattern.split('/');
  const s = path.split('/');
  return p.length === s.length && p.every((part, i) => part.startsWith(':') || part === s[i]);
}

export function fakeApi(): FakeApi {
  const routes: { method: string; pattern: string; handler: FakeHandler }[] = [];
  const calls: FakeRequest[] = [];
  const fetchMock = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://console.test',
    );
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const req: FakeRequest = {
      method,
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      body,
      authorization: headers.get('authorization'),
      credentials: init?.credentials,
      contentType: headers.get('content-type'),
      ...(init?.body instanceof Blob ? { bytes: init.body } : {}),
    };
    calls.push(req);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    // Most recently added routes win, so a test can override a default.
    const route = [...routes]
      .reverse()
      .find((r) => r.method === method && matches(r.pattern, url.pathname));
    const res: FakeResponse = route
      ? await route.handler(req)
      : {
          status: 404,
          body: { error: { code: 'not_found', kind: 'client', message: 'Introuvable.' } },
        };
    const status = res.status ?? 200;
    const text = res.raw ?? JSON.stringify(res.body ?? {});
    return new Response(text, {
      status,
      headers: { 'content-type': 'application/json', ...res.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    on(route, handler) {
      const [method = 'GET', pattern = '/'] = route.split(' ');
      routes.push({
        method,
        pattern,
        handler: typeof handler === 'function' ? handler : () => handler,
      });
    },
    callsTo(method, path) {
      return calls.filter((c) => c.method === method && c.path === path);
    },
  };
}

/** A response that never comes (to see a loading state). */
export function pending(): Promise<FakeResponse> {
  return new Promise(() => undefined);
}
