import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useFormOpen } from '../lib/form-activity';
import { renderAs } from '../test-support/render';
import { UpdateBanner } from './update-banner';

const update = vi.fn(() => Promise.resolve());
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({
    needRefresh: [true, () => undefined],
    offlineReady: [false, () => undefined],
    updateServiceWorker: update,
  }),
}));

function OpenForm() {
  useFormOpen();
  return <p>formulaire ouvert</p>;
}

beforeEach(() => {
  update.mockClear();
});

describe('update banner', () => {
  it('announces the new version and applies it only when the user chooses', async () => {
    const ui = userEvent.setup();
    renderAs(<UpdateBanner />);
    expect(screen.getByText('Nouvelle version disponible')).toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();
    await ui.click(screen.getByRole('button', { name: 'Mettre à jour' }));
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('never applies it while a form is open', async () => {
    const ui = userEvent.setup();
    renderAs(
      <>
        <UpdateBanner />
        <OpenForm />
      </>,
    );
    const button = screen.getByRole('button', { name: 'Mettre à jour' });
    expect(button).toBeDisabled();
    expect(screen.getByText(/Terminez ou quittez la fiche ouverte/)).toBeInTheDocument();
    await ui.click(button);
    expect(update).not.toHaveBeenCalled();
  });
});
