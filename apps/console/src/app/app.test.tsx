import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_LOCK_MS } from '../session/session';
import { readStoredSession } from '../session/stored-session';
import { fakeApi, type FakeApi } from '../test-support/fake-api';
import { admin, goTo, koroScope, supervisor, testUser } from '../test-support/render-console';
import { batchRow } from '../test-support/samples';
import { App } from './app';

const EXPIRES = '2099-01-01T00:00:00.000Z';
const answer = (user = supervisor) => ({
  body: { user, expiresAt: EXPIRES, serverTime: '2026-03-15T10:00:00.000Z' },
});
const refused = {
  status: 401,
  body: {
    error: {
      code: 'invalid_credentials',
      kind: 'auth',
      message: 'Identifiant ou mot de passe incorrect.',
    },
  },
};

let api: FakeApi;
let passwords: Record<string, string>;
beforeEach(() => {
  api = fakeApi();
  passwords = { 'sup.koro': 'secret-koro' };
  api.on('POST /api/auth/login', (req) => {
    const { login, password } = req.body as { login: string; password: string };
    if (passwords[login] !== password) return refused;
    return answer(
      login === 'admin' ? admin : login === 'enq.koro' ? testUser('enumerator') : supervisor,
    );
  });
  api.on('GET /api/auth/session', answer());
  api.on('POST /api/auth/logout', { body: { ok: true } });
  api.on('GET /api/reference/villages', { body: koroScope });
  api.on('GET /api/review/batches', { body: { rows: [batchRow()], total: 1 } });
  api.on('GET /api/review/conflicts', { body: { conflicts: [] } });
});
afterEach(() => {
  vi.useRealTimers();
});

async function signIn(ui: ReturnType<typeof userEvent.setup>, login: string, password: string) {
  await ui.type(await screen.findByLabelText('Identifiant'), login);
  await ui.type(screen.getByLabelText('Mot de passe'), password);
  await ui.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('console app', () => {
  it('signs a supervisor in by password (no PIN), shows their screens under /console/ and keeps the filters across the menu', async () => {
    const ui = userEvent.setup();
    goTo('/?zone=mopti.koro');
    render(<App />);
    await signIn(ui, 'sup.koro', 'secret-koro');
    expect(await screen.findByRole('link', { name: /Lot n° 7/ })).toBeInTheDocument();
    expect(screen.getByText('Superviseur Koro (Superviseur)')).toBeInTheDocument();
    expect(screen.queryByText(/PIN/)).toBeNull();
    // Cookie session: no bearer token anywhere.
    expect(
      api.calls.every((c) => c.authorization === null && c.credentials === 'same-origin'),
    ).toBe(true);
    expect(window.location.pathname + window.location.search).toBe(
      '/console/batches?zone=mopti.koro',
    );
    const nav = screen.getByRole('navigation', { name: 'Menu de la console' });
    expect(within(nav).getByRole('link', { name: 'Lots reçus' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // Admin screens are not offered to a supervisor; a tablet's file from her zones is hers to import.
    expect(within(nav).getByRole('link', { name: 'Import de tablette' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Administration' })).toBeNull();
    await ui.click(within(nav).getByRole('link', { name: 'Conflits' }));
    expect(await screen.findByText('Aucun conflit à arbitrer.')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/console/conflicts');
    expect(api.callsTo('GET', '/api/review/conflicts')[0]?.query.get('zone')).toBe('mopti.koro');
  });

  it('shows the server’s refusal of a wrong password and keeps the login typed', async () => {
    const ui = userEvent.setup();
    render(<App />);
    await signIn(ui, 'sup.koro', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Identifiant ou mot de passe incorrect.',
    );
    expect(screen.getByLabelText('Identifiant')).toHaveValue('sup.koro');
    expect(readStoredSession()).toBeUndefined();
  });

  it('stays signed in on the laptop: a new visit opens the console after the server confirms the session', async () => {
    const ui = userEvent.setup();
    const first = render(<App />);
    await signIn(ui, 'sup.koro', 'secret-koro');
    expect(await screen.findByRole('link', { name: /Lot n° 7/ })).toBeInTheDocument();
    first.unmount();
    render(<App />);
    expect(await screen.findByRole('link', { name: /Lot n° 7/ })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/auth/session')).toHaveLength(1);
    expect(api.callsTo('POST', '/api/auth/login')).toHaveLength(1);
  });

  it('asks to sign in again when the server has closed the session', async () => {
    const ui = userEvent.setup();
    const first = render(<App />);
    await signIn(ui, 'sup.koro', 'secret-koro');
    await screen.findByRole('link', { name: /Lot n° 7/ });
    first.unmount();
    api.on('GET /api/auth/session', {
      status: 401,
      body: { error: { code: 'unauthenticated', message: 'x' } },
    });
    render(<App />);
    expect(
      await screen.findByText('Votre session a pris fin. Reconnectez-vous.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Identifiant')).toHaveValue('sup.koro');
  });

  it('locks after inactivity, closes the server session, and opens again with the same user’s password', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const ui = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    render(<App />);
    await signIn(ui, 'sup.koro', 'secret-koro');
    expect(await screen.findByRole('link', { name: /Lot n° 7/ })).toBeInTheDocument();
    // Activity just before the limit keeps it open.
    act(() => {
      vi.advanceTimersByTime(IDLE_LOCK_MS - 30_000);
    });
    await ui.keyboard('{Shift}');
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.queryByRole('heading', { name: 'Console verrouillée' })).toBeNull();
    act(() => {
      vi.advanceTimersByTime(IDLE_LOCK_MS);
    });
    expect(await screen.findByRole('heading', { name: 'Console verrouillée' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Lot n° 7/ })).toBeNull();
    expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(readStoredSession()?.locked).toBe(true);
    await ui.type(screen.getByLabelText('Mot de passe'), 'wrong');
    await ui.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('incorrect');
    await ui.type(screen.getByLabelText('Mot de passe'), 'secret-koro');
    await ui.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    expect(await screen.findByRole('link', { name: /Lot n° 7/ })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/login').at(-1)?.body).toEqual({
      login: 'sup.koro',
      password: 'secret-koro',
    });
  });

  it('stays locked on a new visit after the laptop was left', async () => {
    const ui = userEvent.setup();
    const first = render(<App />);
    await signIn(ui, 'sup.koro', 'secret-koro');
    await screen.findByRole('link', { name: /Lot n° 7/ });
    first.unmount();
    const stored = readStoredSession();
    if (!stored) throw new Error('not stored');
    window.localStorage.setItem(
      'jigi-console-session',
      JSON.stringify({ ...stored, lastActiveAt: Date.now() - IDLE_LOCK_MS - 1 }),
    );
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Console verrouillée' })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/review/batches')).toHaveLength(1);
  });

  it('tells a field user to use the tablet app, and closes their session', async () => {
    const ui = userEvent.setup();
    passwords['enq.koro'] = 'secret-enq';
    render(<App />);
    await signIn(ui, 'enq.koro', 'secret-enq');
    expect(
      await screen.findByRole('heading', { name: 'Cette console n’est pas pour votre compte' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Ouvrir l’application de la tablette' }),
    ).toHaveAttribute('href', '/');
    expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(api.calls.some((c) => c.path.startsWith('/api/review'))).toBe(false);
    expect(readStoredSession()).toBeUndefined();
  });

  it('offers admins the import and administration screens; an unknown path is not found', async () => {
    const ui = userEvent.setup();
    passwords['admin'] = 'secret-admin';
    render(<App />);
    await signIn(ui, 'admin', 'secret-admin');
    const nav = await screen.findByRole('navigation', { name: 'Menu de la console' });
    expect(within(nav).getByRole('link', { name: 'Import de tablette' })).toHaveAttribute(
      'href',
      '/console/imports',
    );
    expect(within(nav).getByRole('link', { name: 'Administration' })).toHaveAttribute(
      'href',
      '/console/admin',
    );
    act(() => {
      window.history.pushState(null, '', '/console/nowhere');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(await screen.findByRole('heading', { name: 'Page introuvable' })).toBeInTheDocument();
  });

  it('signs out: the server session is closed and the laptop forgets the user', async () => {
    const ui = userEvent.setup();
    render(<App />);
    await signIn(ui, 'sup.koro', 'secret-koro');
    await ui.click(await screen.findByRole('button', { name: 'Se déconnecter' }));
    expect(
      await screen.findByRole('heading', { name: 'Connexion à la console' }),
    ).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(1);
    expect(readStoredSession()).toBeUndefined();
  });
});
