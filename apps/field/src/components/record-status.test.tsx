import { buildCiblageHousehold, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { finaliseRecord } from '../storage/records';
import { applyPushAnswer } from '../storage/sync-push-results';
import { freezeNextBatch } from '../storage/sync-freeze';
import { saveRegistration } from '../storage/sync-state';
import type { JigiDb } from '../storage/db';
import type { RecordRow } from '../storage/types';
import { freshDb } from '../test-support/db';
import { renderAs, testUser } from '../test-support/render';
import { RecordStatusNotice } from './record-status';
import { WorkList } from './work-list';

// « En attente d'arbitrage » on the record screens and in the lists comes from the push answer the
// sync engine stored (conflict_queued with its paths), through the storage layer's rows.

const U = sampleIds.agent;
const T = '2026-03-15T09:00:00.000Z';
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await saveRegistration(U, 'dev-1', 'token-token-token-token');
});

async function conflictedHousehold(): Promise<string> {
  const record = buildCiblageHousehold({ householdCode: 'KOR-DIO-001-AK-0009' });
  await finaliseRecord({ record, agentId: U, now: T });
  const frozen = await freezeNextBatch({
    userId: U,
    newBatchId: () => crypto.randomUUID(),
    now: T,
    jsonBudget: 1_000_000,
    maxMutations: 200,
  });
  const batchId = frozen.ok ? (frozen.value?.batchId ?? '') : '';
  const memberId = String((record['members'] as { id: string }[])[0]?.id);
  await applyPushAnswer({
    userId: U,
    batchId,
    now: T,
    results: [
      {
        mutationId: 1,
        recordId: record.id,
        outcome: 'conflict_queued',
        version: 2,
        conflictPaths: ['householdCode', `members.${memberId}.sex`],
        appliedPaths: [],
      },
    ],
  });
  return record.id;
}

describe('a record waiting for the supervisor', () => {
  it('the list line names the fields waiting, in French', async () => {
    await conflictedHousehold();
    renderAs(
      <WorkList
        agentId={U}
        types={['ciblage_household']}
        describe={(i) => ({ title: String(i.record['householdCode']) })}
        to={(i) => `/ciblage/${i.id}`}
      />,
      testUser({ id: U }),
    );
    const line = await screen.findByTestId('conflict-fields');
    expect(line).toHaveTextContent(
      'En attente d’arbitrage par le superviseur : Code ménage, Liste des membres › Sexe',
    );
  });

  it('the record screen says « En attente d’arbitrage » with the fields; a rejection says why and how to resend', async () => {
    const id = await conflictedHousehold();
    const row = await db.records.get(id);
    expect(row?.syncStatus).toBe('conflict');
    const { rerender } = renderAs(<RecordStatusNotice row={row as RecordRow} />);
    expect(screen.getByTestId('record-conflict')).toHaveTextContent('En attente d’arbitrage');
    expect(screen.getByText(/Code ménage, Liste des membres › Sexe/)).toBeInTheDocument();
    rerender(
      <RecordStatusNotice
        row={{
          syncStatus: 'rejected',
          rejection: { code: 'validation_failed', message: 'Âge du chef invalide' },
        }}
      />,
    );
    await waitFor(() => {
      expect(screen.getByTestId('record-rejection')).toHaveTextContent('Âge du chef invalide');
    });
    expect(screen.getByText(/finalisez-la à nouveau/)).toBeInTheDocument();
  });
});
