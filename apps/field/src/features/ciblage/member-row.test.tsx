import { buildCiblageHousehold, buildMember, buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { CiblageForm } from './ciblage-form';

const user = testUser({ id: sampleIds.agent });
const ID = '11111111-1111-4111-8111-111111111111';

beforeEach(async () => {
  const db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await saveDraft({
    record: buildCiblageHousehold({
      id: ID,
      members: [
        buildMember({
          id: sampleIds.head,
          memberNo: 1,
          firstName: 'Amadou',
          lastName: 'Kassogué',
          sex: 'M',
          relationToHead: 'chef',
          dob: undefined,
          dobPrecision: undefined,
          ageYears: 52,
          pregnant: undefined,
        }),
      ],
      respondentMemberId: sampleIds.head,
    }),
    agentId: user.id,
    position: { section: 'roster' },
    now: '2026-03-15T09:00:00.000Z',
  });
});

describe('roster line', () => {
  it('reads « 52 ans » for a member without errors, with no stray error count after it', async () => {
    renderAs(<CiblageForm id={ID} />, user);
    const title = await screen.findByText('Amadou Kassogué');
    const line = title.closest('li');
    expect(line).not.toBeNull();
    expect(line).toHaveTextContent(/· 52 ansModifier/);
    expect(line).not.toHaveTextContent(/52 ans0/);
    expect(line?.querySelector('.issue')).toBeNull();
  });
});
