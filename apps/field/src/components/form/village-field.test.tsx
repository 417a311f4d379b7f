import { buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { CiblageForm } from '../../features/ciblage/ciblage-form';
import { newCiblageRecord } from '../../features/ciblage/new-ciblage';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';

const ID = '11111111-1111-4111-8111-111111111111';
const koro = testUser({ id: 'user-enq-koro', zones: ['mopti.koro'] });
const gao = testUser({ id: 'user-enq-gao', login: 'enq.gao', zones: ['gao.gao'] });

// One shared tablet on which both enumerators synced: it holds the villages of both.
beforeEach(async () => {
  const db = freshDb();
  await db.open();
  await db.villages.bulkPut([
    buildVillage({
      id: 'village-dioungani',
      name: 'Dioungani',
      communeCode: 'mopti.koro.dioungani',
      demo: false,
    }),
    buildVillage({
      id: 'village-bamba',
      name: 'Bamba',
      communeCode: 'mopti.koro.bamba',
      demo: false,
    }),
    buildVillage({
      id: 'village-gao-1',
      name: 'Gounzoureye',
      communeCode: 'gao.gao.gounzoureye',
      demo: false,
    }),
  ]);
});

async function villagesOffered(user: typeof koro): Promise<string[]> {
  await saveDraft({
    record: newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }),
    agentId: user.id,
    position: { section: 'identification' },
    now: '2026-03-15T09:00:00.000Z',
  });
  renderAs(<CiblageForm id={ID} />, user);
  const select = await screen.findByLabelText('Village');
  await within(select).findByRole('option', { name: /Bamba|Gounzoureye/ });
  return within(select)
    .getAllByRole('option')
    .map((o) => o.textContent)
    .filter((name) => name !== '— Choisir —');
}

describe('village offered when creating a record', () => {
  it('only the villages of the Koro enumerator’s zones', async () => {
    expect(await villagesOffered(koro)).toEqual(['Bamba', 'Dioungani']);
  });

  it('only the villages of the Gao enumerator’s zones, on the same tablet', async () => {
    expect(await villagesOffered(gao)).toEqual(['Gounzoureye']);
  });
});
