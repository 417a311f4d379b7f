import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { AssemblyList } from './assembly-screens';

const user = testUser({ id: 'user-anim-koro', role: 'facilitator', name: 'Mariam Togo' });

beforeEach(async () => {
  await freshDb().open();
});

describe('the assemblies list', () => {
  it('offers no « Nouvelle assemblée »: lists come from the server, the tablet never starts one', async () => {
    renderAs(<AssemblyList />, user);
    expect(await screen.findByRole('heading', { name: 'Assemblées villageoises' })).toBeVisible();
    expect(screen.queryByRole('link', { name: /Nouvelle assemblée/ })).toBeNull();
  });
});
