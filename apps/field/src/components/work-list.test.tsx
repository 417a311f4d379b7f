import { buildCiblageHousehold, sampleIds } from '@jigi/domain/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JigiDb } from '../storage/db';
import { freshDb } from '../test-support/db';
import { renderAs, testUser } from '../test-support/render';
import { LIST_PAGE_SIZE, WorkList } from './work-list';

// A village list holds thousands of households: the list draws a page of matches, counts them all,
// and the search runs over every record, not only the lines on screen.

const U = sampleIds.agent;
const TOTAL = 120;
let db: JigiDb;

const code = (n: number) => `KOR-DIO-001-AK-${String(n).padStart(4, '0')}`;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.records.bulkAdd(
    Array.from({ length: TOTAL }, (_, i) => {
      const record = buildCiblageHousehold({ id: crypto.randomUUID(), householdCode: code(i + 1) });
      // Newest first on screen: household n°1 is the newest, n°TOTAL the oldest (beyond the first page).
      const updatedAt = new Date(Date.UTC(2026, 2, 15) - i * 60_000).toISOString();
      return {
        id: record.id,
        type: 'ciblage_household',
        agentId: U,
        villageId: record['villageId'],
        record,
        syncStatus: 'synced' as const,
        serverVersion: 1,
        baseVersion: 1,
        finalisedAt: updatedAt,
        updatedAt,
        searchText: '',
      };
    }),
  );
});

function renderList() {
  return renderAs(
    <WorkList
      agentId={U}
      types={['ciblage_household']}
      describe={(i) => ({ title: String(i.record['householdCode']) })}
      to={(i) => `/ciblage/${i.id}`}
    />,
    testUser({ id: U }),
  );
}

const lines = () => within(screen.getByRole('list')).queryAllByRole('listitem');

describe('work list of thousands of households', () => {
  it('draws the first page, counts every match, and « Afficher plus » adds the next page', async () => {
    renderList();
    expect(await screen.findByText(`50 sur ${String(TOTAL)} fiches`)).toBeInTheDocument();
    expect(lines()).toHaveLength(LIST_PAGE_SIZE);
    expect(
      screen.getByRole('list', { name: `50 sur ${String(TOTAL)} fiches` }),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Afficher 50 fiches de plus' }));
    expect(lines()).toHaveLength(2 * LIST_PAGE_SIZE);
    expect(screen.getByTestId('list-count')).toHaveTextContent(`100 sur ${String(TOTAL)} fiches`);

    fireEvent.click(screen.getByRole('button', { name: 'Afficher 20 fiches de plus' }));
    expect(lines()).toHaveLength(TOTAL);
    expect(screen.getByTestId('list-count')).toHaveTextContent(`${String(TOTAL)} fiches`);
    expect(screen.queryByRole('button', { name: /Afficher/ })).toBeNull();
  });

  it('the search finds a household beyond the first page, and the box keeps the focus', async () => {
    renderList();
    await screen.findByText(`50 sur ${String(TOTAL)} fiches`);
    expect(screen.queryByText(code(TOTAL))).toBeNull();

    const box = screen.getByLabelText('Rechercher (nom, code ménage)');
    box.focus();
    fireEvent.change(box, { target: { value: code(TOTAL).toLowerCase() } });
    expect(lines()).toHaveLength(1);
    expect(screen.getByText(code(TOTAL))).toBeInTheDocument();
    expect(screen.getByTestId('list-count')).toHaveTextContent('1 fiche');
    expect(document.activeElement).toBe(box);

    // Clearing the box goes back to the first page, not to every line.
    fireEvent.change(box, { target: { value: '' } });
    expect(lines()).toHaveLength(LIST_PAGE_SIZE);
  });
});
