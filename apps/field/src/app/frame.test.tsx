import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Page } from '../components/page';
import { freshDb } from '../test-support/db';
import { renderAs, testUser } from '../test-support/render';
import { Frame } from './frame';
import { Shell } from './shell';

const user = testUser();

/** navigator.storage as Chrome answers it: `persist()` says whether the browser granted it now. */
function stubStorage(grants: boolean[]) {
  let granted = false;
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: {
      persisted: () => Promise.resolve(granted),
      persist: () => {
        granted = grants.shift() ?? granted;
        return Promise.resolve(granted);
      },
      estimate: () => Promise.resolve({ usage: 2_400_000, quota: 1_000_000_000 }),
    },
  });
}

beforeEach(async () => {
  await freshDb().open();
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new TypeError('offline'))),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'storage');
});

describe('the frame around the work', () => {
  it('is one line; the details (history, lock, user switch, language) open on a tap', async () => {
    stubStorage([true]);
    const ui = userEvent.setup();
    renderAs(<Frame user={user} onLock={() => undefined} onSwitchUser={() => undefined} />);
    const line = screen.getByRole('group', { name: 'État de la tablette' });
    expect(line).toHaveTextContent('0 fiche non synchronisée');
    expect(screen.queryByRole('link', { name: 'Historique' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Verrouiller' })).not.toBeInTheDocument();
    await ui.click(screen.getByRole('button', { expanded: false }));
    const details = screen.getByRole('region', { name: 'Détails de la tablette' });
    expect(details).toBeVisible();
    expect(screen.getByRole('link', { name: 'Historique' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Verrouiller' })).toBeVisible();
    expect(screen.getByText('Enquêteur Koro · Enquêteur (ciblage)')).toBeVisible();
    const language = screen.getByLabelText('Langue de l’application');
    expect(language).toHaveDisplayValue('Français');
    // Once storage is protected there is nothing to say about it.
    await waitFor(() => {
      expect(screen.getByText(/Stockage : 2,3 Mo utilisés/)).toBeInTheDocument();
    });
    expect(screen.queryByText(/Stockage non protégé/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Stockage protégé/)).not.toBeInTheDocument();
  });

  it('« Stockage non protégé » says what to do, and goes once the browser grants it', async () => {
    stubStorage([false, false, true]);
    const ui = userEvent.setup();
    renderAs(<Frame user={user} onLock={() => undefined} onSwitchUser={() => undefined} />);
    await ui.click(screen.getByRole('button', { expanded: false }));
    expect(await screen.findByText(/^Stockage non protégé/)).toBeVisible();
    expect(screen.getByText(/installez l’application sur l’écran d’accueil/)).toBeVisible();
    const again = screen.getByRole('button', { name: 'Redemander la protection' });
    await ui.click(again);
    expect(await screen.findByText(/Le navigateur refuse encore/)).toBeInTheDocument();
    await ui.click(again);
    await waitFor(() => {
      expect(screen.queryByText(/Stockage non protégé/)).not.toBeInTheDocument();
    });
  });
});

describe('keyboard and screen readers', () => {
  it('the first Tab stop is a skip link to the form, which lands on its first field', async () => {
    stubStorage([true]);
    const ui = userEvent.setup();
    renderAs(
      <div>
        <Shell />
      </div>,
      user,
    );
    await screen.findByRole('heading', { level: 1 });
    (document.activeElement as HTMLElement | null)?.blur();
    await ui.tab();
    const skip = screen.getByRole('link', { name: 'Aller au formulaire' });
    expect(skip).toHaveFocus();
    await ui.keyboard('{Enter}');
    expect(document.activeElement?.closest('main')).not.toBeNull();
  });

  it('a new screen is named in the page title and its heading takes focus; so does a new step', async () => {
    const ui = userEvent.setup();
    function Steps() {
      const [step, setStep] = useState(1);
      return (
        <Page title="Séance MA">
          <h2>{step === 1 ? 'Séance' : 'Présences'}</h2>
          <button
            type="button"
            onClick={() => {
              setStep(2);
            }}
          >
            Suivant
          </button>
        </Page>
      );
    }
    renderAs(<Steps />);
    await waitFor(() => {
      expect(document.title).toBe('Séance — Séance MA — Jigi Collect');
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Séance MA' })).toHaveFocus();
    await ui.click(screen.getByRole('button', { name: 'Suivant' }));
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 2, name: 'Présences' })).toHaveFocus();
    });
    expect(document.title).toBe('Présences — Séance MA — Jigi Collect');
  });

  it('the errors of a step are announced when it is left, not only drawn in red', async () => {
    const ui = userEvent.setup();
    function Steps() {
      const [step, setStep] = useState(1);
      const [typed, setTyped] = useState(false);
      return (
        <Page title="Séance MA">
          <h2>{step === 1 ? 'Séance' : 'Présences'}</h2>
          {step === 1 && (
            <>
              <input
                aria-label="Lieu"
                onChange={() => {
                  setTyped(true);
                }}
              />
              {typed && (
                <div className="field-issues">
                  <p className="issue issue-error">Erreur : Lieu : 2 caractères au moins.</p>
                </div>
              )}
            </>
          )}
          <button
            type="button"
            onClick={() => {
              setStep(2);
            }}
          >
            Suivant
          </button>
        </Page>
      );
    }
    renderAs(<Steps />);
    await ui.type(screen.getByLabelText('Lieu'), 'x');
    await ui.click(screen.getByRole('button', { name: 'Suivant' }));
    await waitFor(() => {
      expect(screen.getByTestId('step-announcement')).toHaveTextContent(
        'Section « Séance » : 1 erreur reste à corriger — Erreur : Lieu : 2 caractères au moins.',
      );
    });
    expect(screen.getByTestId('step-announcement')).toHaveAttribute('role', 'status');
  });
});
