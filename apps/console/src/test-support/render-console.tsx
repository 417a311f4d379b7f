import type { SessionUser, UserRole } from '@jigi/sync';
import type { VillageListResponse } from '@jigi/contract';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { ScopeContext } from '../hooks/use-scope';
import { i18n } from '../lib/i18n';
import { hrefOf } from '../lib/router';
import { SessionContext, type SessionApi } from '../session/session';

/** A console user of the Koro zone (the seeded demo's). */
export function testUser(
  role: UserRole = 'supervisor',
  overrides: Partial<SessionUser> = {},
): SessionUser {
  return {
    id: role === 'admin' ? 'user-admin' : 'user-sup-koro',
    name: role === 'admin' ? 'Admin Bamako' : 'Superviseur Koro',
    role,
    zones: role === 'admin' ? [] : ['mopti.koro'],
    ...overrides,
  };
}

export const supervisor: SessionUser = testUser('supervisor');
export const admin: SessionUser = testUser('admin');

export const koroScope: VillageListResponse = {
  villages: [
    {
      id: 'village-koro-demo-1',
      name: 'Dioungani (démo)',
      communeCode: 'mopti.koro.dioungani',
      demo: true,
      pnp: true,
      quota: 40,
      version: 1,
    },
    {
      id: 'village-koro-demo-2',
      name: 'Madougou (démo)',
      communeCode: 'mopti.koro.madougou',
      demo: true,
      pnp: false,
      quota: 35,
      version: 1,
    },
  ],
};

/** A signed-in session of `user`, with spies for what the screens may ask of it. */
export function signedIn(user: SessionUser): SessionApi {
  return {
    state: {
      status: 'signed-in',
      session: {
        login: 'sup.koro',
        user,
        expiresAt: '2099-01-01T00:00:00.000Z',
        lastActiveAt: Date.now(),
        locked: false,
      },
    },
    signIn: vi.fn(() => Promise.resolve({ ok: true as const })),
    unlock: vi.fn(() => Promise.resolve({ ok: true as const })),
    signOut: vi.fn(() => Promise.resolve()),
    switchUser: vi.fn(),
  };
}

/** Goes to a console path (`/batches?zone=…`), as a link would. */
export function goTo(path: string): void {
  window.history.replaceState(null, '', hrefOf(path));
}

/** A console screen as the Koro supervisor (or `user`) sees it at `path`, with the scope the shell provides. */
export function renderScreen(
  ui: ReactElement,
  {
    path = '/batches',
    scope = koroScope,
    user = supervisor,
  }: { path?: string; scope?: VillageListResponse; user?: SessionUser } = {},
): RenderResult {
  goTo(path);
  return render(
    <I18nextProvider i18n={i18n}>
      <SessionContext.Provider value={signedIn(user)}>
        <ScopeContext.Provider value={scope}>{ui}</ScopeContext.Provider>
      </SessionContext.Provider>
    </I18nextProvider>,
  );
}
