import { buildCiblageHousehold } from '@jigi/domain/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from '../lib/pin';
import type { JigiDb } from '../storage/db';
import { setMeta } from '../storage/meta';
import { finaliseRecord } from '../storage/records';
import { saveRegistration } from '../storage/sync-state';
import { exportUnsynced } from '../sync/export-unsynced';
import { freshDb } from '../test-support/db';
import { renderAs, testUser } from '../test-support/render';
import { AuthGate } from './auth-gate';

// The locked tablet stays its last user's while their changes are neither synced nor exported.

let db: JigiDb;
const a = testUser({ id: 'user-a', login: 'enq.a', name: 'Awa Traoré' });
const b = testUser({ id: 'user-b', login: 'enq.b', name: 'Boubacar Diallo' });

beforeEach(async () => {
  db = freshDb();
  await db.open();
  sessionStorage.clear();
  const pin = await hashPin('2468', 1000);
  await db.users.bulkPut([
    { ...a, pin },
    { ...b, pin },
  ]);
  await setMeta('activeUserId', a.id);
  await saveRegistration(a.id, 'dev-a', 'token-token-token-token');
  await finaliseRecord({
    record: buildCiblageHousehold(),
    agentId: a.id,
    now: '2026-03-15T09:00:00.000Z',
  });
});

describe('auth gate', () => {
  it('offers only the last user while a change is unsent, and says how to free the tablet', async () => {
    renderAs(<AuthGate />);
    expect(await screen.findByText(/Awa Traoré/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'Se connecter avec un autre compte' }),
    );
    expect(await screen.findByText(/ni synchronisées ni exportées/)).toBeInTheDocument();
  });

  it('once exported to a file, any user of the tablet may unlock it', async () => {
    const exported = await exportUnsynced({
      userId: a.id,
      now: '2026-03-15T10:00:00.000Z',
      newId: () => crypto.randomUUID(),
    });
    expect(exported.ok).toBe(true);
    renderAs(<AuthGate />);
    const choice = await screen.findByRole('combobox');
    expect([...(choice as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Awa Traoré (enq.a)',
      'Boubacar Diallo (enq.b)',
    ]);
  });
});
