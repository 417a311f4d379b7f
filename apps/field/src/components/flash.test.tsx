import { act, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Flash, setFlash } from './flash';

beforeEach(() => {
  sessionStorage.clear();
});

describe('flash message', () => {
  it('survives a render React throws away (the list still loading) and shows once it is on screen', async () => {
    setFlash('Fiche finalisée.');
    let loaded: () => void = () => undefined;
    const chunk = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    // A screen's lazy chunk beside the message, as a list loads in a tab opened on the form.
    const StillLoading = lazy(() => chunk.then(() => ({ default: () => null })));
    let unmount: () => void = () => undefined;
    await act(async () => {
      unmount = render(
        <Suspense fallback={<p>Chargement…</p>}>
          <Flash />
          <StillLoading />
        </Suspense>,
      ).unmount;
      await Promise.resolve();
    });
    expect(screen.getByText('Chargement…')).toBeInTheDocument();
    await act(async () => {
      loaded();
      await chunk;
    });
    expect(await screen.findByText('Fiche finalisée.')).toBeInTheDocument();
    // Shown once: the next screen does not show it again.
    unmount();
    render(<Flash />);
    expect(screen.queryByText('Fiche finalisée.')).toBeNull();
  });
});
