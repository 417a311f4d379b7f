import { buildCiblageHousehold, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new TypeError('offline'))),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Taps the header's status line: the details (history, lock, storage, sync) open under it. */
async function openDetails(ui: ReturnType<typeof userEvent.setup>): Promise<void> {
  const toggle = await screen.findByRole('button', { expanded: false });
  await ui.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

describe('shell', () => {
  it('always shows the unsynced count; refuses a user switch until every change is synced or exported, and says how', async () => {
    await saveRegistration(user.id, 'dev-1', 'token-token-token-token');
    await finaliseRecord({
      record: buildCiblageHousehold(),
      agentId: user.id,
      now: '2026-03-15T09:00:00.000Z',
    });
    // The export hands its file to the browser's download (jsdom has neither blob URLs nor downloads).
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:export'), revokeObjectURL: vi.fn() }),
    );
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    const lock = vi.fn();
    const ui = userEvent.setup();
    renderAs(<Shell />, user, lock);
    expect(await screen.findByText('1 fiche non synchronisée')).toBeInTheDocument();
    await openDetails(ui);
    await ui.click(screen.getByRole('button', { name: 'Changer d’utilisateur' }));
    expect(
      await screen.findByText(
        /Impossible de changer d’utilisateur : 1 modification n’est ni synchronisée ni exportée. Appuyez sur « Synchroniser » ; sans réseau, exportez-la/,
      ),
    ).toBeInTheDocument();
    expect(lock).not.toHaveBeenCalled();
    await ui.click(
      await within(screen.getByTestId('leave-refusal')).findByRole('button', {
        name: 'Exporter les fiches non envoyées',
      }),
    );
    expect(await screen.findByTestId('leave-allowed')).toHaveTextContent(
      'vous pouvez changer d’utilisateur',
    );
    expect(downloads).toEqual([expect.stringMatching(/^jigi-export-dev-1-\d{8}-\d{4}\.json\.gz$/)]);
    // Who can import it, as the console allows: an administrator or the zone's supervisor.
    expect(screen.getByTestId('export-import-who')).toHaveTextContent(
      /à un administrateur, ou au superviseur de votre zone/,
    );
    // Still unsynced on the server's side, but in a file the server can import: leaving is allowed.
    expect(screen.getByText('1 fiche non synchronisée')).toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Changer d’utilisateur' }));
    await waitFor(() => {
      expect(lock).toHaveBeenCalledTimes(1);
    });
  });

  it('says so in French when the network is absent', { timeout: 45_000 }, async () => {
    await saveRegistration(user.id, 'dev-1', 'token-token-token-token');
    renderAs(<Shell />, user);
    // The engine gives up after 4 failed requests with pauses of 1, 2 and 3 s between them (6 s of
    // its own): the wait leaves room for a busy machine instead of a 2-second margin.
    expect(
      await screen.findByText(
        /Pas de connexion au serveur : les fiches restent sur la tablette/,
        {},
        { timeout: 30_000 },
      ),
    ).toBeInTheDocument();
  });
});
