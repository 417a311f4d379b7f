import { buildCiblageHousehold, sampleIds } from '@jigi/domain/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JigiDb } from '../storage/db';
import { finaliseRecord } from '../storage/records';
import { saveRegistration } from '../storage/sync-state';
import { freshDb } from '../test-support/db';
import { renderAs, testUser } from '../test-support/render';
import { Shell } from './shell';

const user = testUser({ id: sampleIds.agent });
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  // No server in unit tests: every request fails as if offline.
  vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))));
});

describe('shell', () => {
  it('always shows the unsynced count, and refuses a user switch while records are unsynced', async () => {
    await finaliseRecord({ record: buildCiblageHousehold(), agentId: user.id, now: '2026-03-15T09:00:00.000Z' });
    const ui = userEvent.setup();
    renderAs(<Shell />, user);
    expect(await screen.findByText('1 fiche non synchronisée')).toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Changer d’utilisateur' }));
    expect(await screen.findByText(/Impossible de changer d’utilisateur : 1 fiche n’est pas encore synchronisée/)).toBeInTheDocument();
  });

  it('says so in French when the network is absent', async () => {
    await saveRegistration(user.id, 'dev-1', 'token-token-token-token');
    renderAs(<Shell />, user);
    // The sync engine may retry a failed request before giving up: allow it a few seconds.
    expect(await screen.findByText(/Pas de connexion au serveur : les fiches restent sur la tablette/, {}, { timeout: 8000 })).toBeInTheDocument();
  });
});
