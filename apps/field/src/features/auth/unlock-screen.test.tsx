import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPin } from '../../lib/pin';
import type { JigiDb } from '../../storage/db';
import type { UserRow } from '../../storage/types';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { UnlockScreen } from './unlock-screen';

let db: JigiDb;
let user: UserRow;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  user = testUser({ pin: await hashPin('2468', 1000) });
  await db.users.put(user);
});

describe('offline unlock with a PIN', () => {
  it('unlocks with the right PIN (no network involved)', async () => {
    const ui = userEvent.setup();
    const onUnlocked = vi.fn();
    renderAs(
      <UnlockScreen users={[user]} onUnlocked={onUnlocked} onOtherAccount={() => undefined} />,
    );
    await ui.type(screen.getByLabelText('Code PIN'), '2468');
    await ui.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await waitFor(() => {
      expect(onUnlocked).toHaveBeenCalledWith(user);
    });
  });

  it('counts wrong PINs and erases the PIN after five, asking for an online login', async () => {
    const ui = userEvent.setup();
    const onUnlocked = vi.fn();
    renderAs(
      <UnlockScreen users={[user]} onUnlocked={onUnlocked} onOtherAccount={() => undefined} />,
    );
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
    expect(
      await screen.findByText(/Trop d’essais : reconnectez-vous en ligne/),
    ).toBeInTheDocument();
    await waitFor(async () => {
      expect((await db.users.get(user.id))?.pin).toBeNull();
    });
    expect(onUnlocked).not.toHaveBeenCalled();
  });
});
