import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../app/routes';
import { renderAs, testUser } from '../../test-support/render';

const supervisor = testUser({ id: 'user-sup', name: 'Superviseur Koro', role: 'supervisor' });
const admin = testUser({ id: 'user-admin', name: 'Admin', role: 'admin', zones: [] });

describe('supervisors and admins in the tablet app', () => {
  it('are told at home that their work is in the console, with a link to /console/', async () => {
    for (const user of [supervisor, admin]) {
      window.location.hash = '/';
      const { unmount } = renderAs(<AppRoutes />, user);
      expect(
        await screen.findByRole('heading', { name: 'La supervision se fait dans la console' }),
      ).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Ouvrir la console' })).toHaveAttribute(
        'href',
        '/console/',
      );
      unmount();
    }
  });

  it('are sent there from the old console addresses too (a bookmark, a shared link)', async () => {
    for (const path of ['/supervision/batches?zone=mopti.koro', '/admin', '/supervision']) {
      window.location.hash = path;
      const { unmount } = renderAs(<AppRoutes />, supervisor);
      expect(await screen.findByRole('link', { name: 'Ouvrir la console' })).toBeInTheDocument();
      unmount();
    }
  });

  it('leaves a field role’s home as it is', async () => {
    window.location.hash = '/';
    renderAs(<AppRoutes />, testUser());
    expect(
      await screen.findByRole('heading', { name: 'Bonjour Enquêteur Koro' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ouvrir la console' })).toBeNull();
  });
});
