import {
  buildHimoMicroproject,
  buildHimoWorker,
  buildVillage,
  sampleIds,
} from '@jigi/domain/testing';
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../lib/clock';
import type { JigiDb } from '../../storage/db';
import { saveDraft } from '../../storage/drafts';
import { finaliseRecord } from '../../storage/records';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { newSheetRecord } from './himo-records';
import { HimoProject } from './himo-project';
import { NewSheet } from './himo-screens';
import { SheetForm } from './sheet-form';

const user = testUser({ id: 'user-agent-bankass', role: 'field_agent' });
const FIRST = '55555555-5555-4555-8555-555555555555';
const SECOND = '66666666-6666-4666-8666-666666666666';
const worker = buildHimoWorker({ agentId: user.id });
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await db.microprojects.put(buildHimoMicroproject());
  await db.syncState.put({
    userId: user.id,
    deviceId: sampleIds.device,
    deviceToken: 'x'.repeat(24),
    nextMutationId: 1,
    pullCursor: null,
  });
  await finaliseRecord({ record: worker, agentId: user.id, now: '2026-03-01T08:00:00.000Z' });
  window.location.hash = `#/himo/p/${sampleIds.microproject}/sheet/new`;
});

function sheet(id: string, date: string, capturedAt: string) {
  return {
    ...newSheetRecord({
      id,
      agentId: user.id,
      deviceId: sampleIds.device,
      projectId: sampleIds.microproject,
      villageId: sampleIds.village,
      workers: [worker],
    }),
    date,
    capturedAt,
  };
}

const sheetsOfProject = async () =>
  (await db.drafts.toArray()).filter((d) => d.record['type'] === 'himo_attendance');

describe('HIMO: one attendance sheet per microproject and day on the tablet', () => {
  it('« Nouvelle feuille » when today already has a sheet opens that sheet instead of making a second', async () => {
    await finaliseRecord({
      record: sheet(FIRST, todayIso(), `${todayIso()}T07:00:00.000Z`),
      agentId: user.id,
      now: `${todayIso()}T07:30:00.000Z`,
    });
    renderAs(<NewSheet projectId={sampleIds.microproject} />, user);
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/himo/sheet/${FIRST}`);
    });
    expect(await sheetsOfProject()).toEqual([]);
    expect(sessionStorage.getItem('jigi.flash')).toMatch(/déjà sa feuille du/);
  });

  it('the project page offers today’s sheet, once begun, instead of a new one', async () => {
    renderAs(<HimoProject projectId={sampleIds.microproject} />, user);
    expect(
      await screen.findByRole('link', { name: /Nouvelle feuille de pointage/ }),
    ).toBeInTheDocument();
    await saveDraft({
      record: sheet(FIRST, todayIso(), `${todayIso()}T07:00:00.000Z`),
      agentId: user.id,
      position: { section: 'sheet' },
      now: `${todayIso()}T07:00:00.000Z`,
    });
    expect(await screen.findByRole('link', { name: 'Ouvrir la feuille du jour' })).toHaveAttribute(
      'href',
      `#/himo/sheet/${FIRST}`,
    );
    expect(screen.queryByRole('link', { name: /Nouvelle feuille de pointage/ })).toBeNull();
  });

  it('« Nouvelle feuille » on a day without a sheet makes one, and opens it', async () => {
    await finaliseRecord({
      record: sheet(FIRST, '2026-03-10', '2026-03-10T07:00:00.000Z'),
      agentId: user.id,
      now: '2026-03-10T07:30:00.000Z',
    });
    renderAs(<NewSheet projectId={sampleIds.microproject} />, user);
    await waitFor(async () => {
      expect((await sheetsOfProject()).map((d) => d.record['date'])).toEqual([todayIso()]);
    });
    const made = (await sheetsOfProject())[0];
    await waitFor(() => {
      expect(window.location.hash).toBe(`#/himo/sheet/${made?.id ?? ''}`);
    });
  });

  it('a sheet dated on a day that already has one says so on its date', async () => {
    await finaliseRecord({
      record: sheet(FIRST, '2026-03-10', '2026-03-10T07:00:00.000Z'),
      agentId: user.id,
      now: '2026-03-10T07:30:00.000Z',
    });
    await saveDraft({
      record: sheet(SECOND, '2026-03-10', '2026-03-10T09:00:00.000Z'),
      agentId: user.id,
      position: { section: 'sheet' },
      now: '2026-03-10T09:00:00.000Z',
    });
    renderAs(<SheetForm id={SECOND} />, user);
    const shown = await screen.findAllByText(
      /le microprojet a déjà une feuille de présence le 10\/03\/2026/,
    );
    expect(shown.length).toBeGreaterThan(0);
  });
});
