import { sessionResponseSchema, type SessionResponse } from '@jigi/sync';
import { z } from 'zod';
import { requestJson, type ApiResult } from '../api/http';

/** `POST /api/auth/login`: opens a browser session (the server sets the HttpOnly cookie). */
export function login(loginName: string, password: string): Promise<ApiResult<SessionResponse>> {
  return requestJson(
    '/api/auth/login',
    { method: 'POST', body: { login: loginName, password } },
    sessionResponseSchema,
  );
}

/** `GET /api/auth/session`: whether the cookie still opens a session, and for whom. */
export function currentSession(signal?: AbortSignal): Promise<ApiResult<SessionResponse>> {
  return requestJson('/api/auth/session', signal ? { signal } : {}, sessionResponseSchema);
}

/** `POST /api/auth/logout`: the server forgets the session; the cookie is cleared. */
export function logout(): Promise<ApiResult<{ ok: boolean }>> {
  return requestJson(
    '/api/auth/logout',
    { method: 'POST', body: {} },
    z.object({ ok: z.boolean() }),
  );
}
