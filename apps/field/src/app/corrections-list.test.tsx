import { buildCiblageHousehold, buildMember, sampleIds } from '@jigi/domain/testing';
import { pullChangeSchema } from '@jigi/sync';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JigiDb } from '../storage/db';
import { applyPullPage } from '../storage/sync-pull-apply';
import { saveRegistration } from '../storage/sync-state';
import { freshDb } from '../test-support/db';
import { renderAs, testUser } from '../test-support/render';
import { CorrectionsList } from './corrections-list';

const user = testUser({ id: sampleIds.agent });
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await saveRegistration(user.id, 'dev-1', 'token-token-token-token');
});

describe('« À corriger »', () => {
  it('lists returned records with the supervisor’s comment, all shown as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const rec = buildCiblageHousehold({
      members: [
        buildMember({
          id: sampleIds.head,
          memberNo: 1,
          firstName: evil,
          lastName: 'Guindo',
          sex: 'M',
          relationToHead: 'chef',
          ageYears: 40,
        }),
      ],
    });
    const pulled = await applyPullPage({
      userId: user.id,
      // Parsed as the pull response is, so the page is exactly what the server could send.
      changes: [
        {
          seq: 1,
          entity: 'record',
          id: rec.id,
          version: 2,
          deleted: false,
          data: rec,
          meta: { reviewState: 'returned' },
        },
        {
          seq: 2,
          entity: 'task',
          id: 't1',
          deleted: false,
          data: {
            id: 't1',
            recordId: rec.id,
            comment: 'Vérifier <b>l’âge</b> du chef',
            createdAt: '2026-03-15T10:00:00.000Z',
            status: 'open',
          },
        },
      ].map((c) => pullChangeSchema.parse(c)),
      nextCursor: 'ep.2',
      now: '2026-03-15T10:00:00.000Z',
    });
    expect(pulled).toMatchObject({ ok: true, value: { applied: 2, skipped: [] } });
    const { container } = renderAs(<CorrectionsList />, user);
    expect(
      await screen.findByText('Commentaire du superviseur : Vérifier <b>l’âge</b> du chef'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`${evil} Guindo · KOR-DIO-001-AK-0001 · 15/03/2026`, { exact: false }),
    ).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('link', { name: 'Corriger' })).toHaveAttribute(
      'href',
      `#/ciblage/${rec.id}`,
    );
  });
});
