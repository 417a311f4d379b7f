import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../lib/pin';
import { dropAllDataKeys, isUnlocked, useFallbackKeys } from '../../storage/crypto/keyring';
import type { JigiDb } from '../../storage/db';
import type { UserRow } from '../../storage/types';
import { enrolUser, getUserKeys, unlockStateOf } from '../../storage/user-keys';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { tryPin } from './unlock-actions';
import { UnlockScreen } from './unlock-screen';

// The real keys, no test fallback: a PIN opens a wrapped data key or nothing.
const ITER = 1000;
let db: JigiDb;
const awa = testUser({ id: 'user-a', login: 'enq.a', name: 'Awa Traoré' });
const bou = testUser({ id: 'user-b', login: 'enq.b', name: 'Boubacar Diallo' });
const share = () => crypto.getRandomValues(new Uint8Array(64));

beforeEach(async () => {
  db = freshDb();
  useFallbackKeys(undefined);
  dropAllDataKeys();
  await db.open();
  await db.users.bulkPut([awa, bou]);
  for (const [u, pin] of [
    [awa, '1111'],
    [bou, '2222'],
  ] as const) {
    const res = await enrolUser({ userId: u.id, pin, share: share(), iterations: ITER });
    expect(res.ok).toBe(true);
  }
  dropAllDataKeys();
});

async function states(): Promise<Record<string, ReturnType<typeof unlockStateOf>>> {
  const out: Record<string, ReturnType<typeof unlockStateOf>> = {};
  for (const u of [awa, bou]) {
    const k = await getUserKeys(u.id);
    out[u.id] = unlockStateOf(k.ok ? k.value : undefined, false);
  }
  return out;
}

function show(
  users: UserRow[],
  st: Record<string, ReturnType<typeof unlockStateOf>>,
  preselect?: string,
) {
  const onUnlocked = vi.fn();
  const onStateChanged = vi.fn();
  renderAs(
    <UnlockScreen
      users={users}
      states={st}
      preselect={preselect}
      onUnlocked={onUnlocked}
      onStateChanged={onStateChanged}
      onOtherAccount={() => undefined}
    />,
  );
  return { onUnlocked, onStateChanged };
}

describe('offline unlock with a PIN', () => {
  it('offers the user who locked first, and the right PIN opens their key (no network)', async () => {
    const ui = userEvent.setup();
    const { onUnlocked } = show([awa, bou], await states(), bou.id);
    expect(screen.getByRole('combobox')).toHaveValue(bou.id);
    await ui.type(screen.getByLabelText('Code PIN'), '2222');
    await ui.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await waitFor(() => {
      expect(onUnlocked).toHaveBeenCalledWith(expect.objectContaining({ user: bou }));
    });
    expect(isUnlocked(bou.id)).toBe(true);
    expect(isUnlocked(awa.id)).toBe(false);
  });

  it('five wrong PINs lock out that user only; the screen then refuses even the right PIN', async () => {
    const ui = userEvent.setup();
    const { onUnlocked, onStateChanged } = show([awa, bou], await states(), awa.id);
    for (let i = 1; i <= 4; i++) {
      await ui.type(screen.getByLabelText('Code PIN'), '0000');
      await ui.click(screen.getByRole('button', { name: 'Déverrouiller' }));
      expect(
        await screen.findByText(
          `Code PIN incorrect. Encore ${5 - i} ${5 - i > 1 ? 'essais' : 'essai'}.`,
        ),
      ).toBeInTheDocument();
    }
    await ui.type(screen.getByLabelText('Code PIN'), '0000');
    await ui.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await waitFor(() => {
      expect(onStateChanged).toHaveBeenCalled();
    });
    // The screen still shows the PIN field (its states are the caller's): the right PIN is refused.
    await ui.type(screen.getByLabelText('Code PIN'), '1111');
    await ui.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await waitFor(() => {
      expect(onStateChanged).toHaveBeenCalledTimes(2);
    });
    expect(onUnlocked).not.toHaveBeenCalled();
    expect(isUnlocked(awa.id)).toBe(false);
    expect(await states()).toEqual({ [awa.id]: 'locked_out', [bou.id]: 'ready' });
    // Any screen, after a reload too: the PIN's share half is gone from the tablet.
    expect((await getUserKeys(awa.id)).ok && (await db.userKeys.get(awa.id))?.pinShare).toBeNull();
    expect(await tryPin(awa.id, '1111')).toEqual({ kind: 'locked_out' });
    expect((await tryPin(bou.id, '2222')).kind).toBe('unlocked');
  });

  it('a locked-out user is offered the recovery code; the screen shows why', async () => {
    for (let i = 0; i < 5; i++) await tryPin(awa.id, '9999');
    show([awa, bou], await states(), awa.id);
    expect(screen.queryByLabelText('Code PIN')).toBeNull();
    expect(screen.getByText(/Trop d’essais/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Utiliser mon code de secours' }),
    ).toBeInTheDocument();
  });

  it('a user of a tablet from before encryption unlocks with their PIN hash once and gets a key', async () => {
    const old = testUser({ id: 'user-old', login: 'enq.old', pin: await hashPin('2468', ITER) });
    await db.users.put(old);
    const first = await tryPin(old.id, '2468');
    expect(first).toMatchObject({
      kind: 'unlocked',
      recoveryCode: expect.stringMatching(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/),
    });
    expect((await db.users.get(old.id))?.pin).toBeNull();
    expect(await db.userKeys.get(old.id)).toMatchObject({ pin: { shared: false }, pinShare: null });
    dropAllDataKeys();
    expect((await tryPin(old.id, '2468')).kind).toBe('unlocked');
  });
});
