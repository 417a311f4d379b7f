// Issue 16, « MA roll call for 150 households »: the facilitator calls 150 households offline on a
// 600×960 tablet — names first, « Présent » in one tap (the titulaire by default), three households
// represented by someone else — with the counts always on screen, then syncs. The taps are counted
// as a user makes them: one per « Présent », two per change of « qui est venu » (open the list,
// choose). The paint time of each tap is the bench's (BENCHMARKS.md §3), not a test's.
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HomePage } from './pages/home-page';
import { MaFormPage } from './pages/ma-form-page';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { signIn, type SignedInTablet } from './support/field-session';
import { Resources } from './support/resources';
import {
  ROLL_CALL_VILLAGE,
  seedRollCallVillage,
  type BeneficiaryHousehold,
} from './support/roll-call';

const HOUSEHOLDS = 150;
const MAX_TAPS = 160;

let server: AppServer;
let facilitator: SignedInTablet;
let households: BeneficiaryHousehold[];
const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  households = await seedRollCallVillage(server.url, HOUSEHOLDS);
  facilitator = resources.tablet(await signIn(server, 'anim-roll-call', 'anim.koro'));
  await facilitator.page.setViewportSize({ width: 600, height: 960 });
});

describe('MA roll call', () => {
  it('marks 150 households present offline in at most 160 taps, counts in view, and syncs', async () => {
    const { page, shell } = facilitator;
    await facilitator.context.setOffline(true);
    await page.reload();
    await new HomePage(page).waitUntilShown('Animatrice Koro (démo)');
    await new HomePage(page).open('Nouvelle séance MA');
    const form = new MaFormPage(page);
    await form.waitUntilShown();
    const sessionId = /#\/ma\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(sessionId).not.toBe('');
    await form.session({ village: ROLL_CALL_VILLAGE.id, sessionNo: 3, language: 'dogon' });
    await form.section('Présences');
    await form.households.nth(HOUSEHOLDS - 1).waitFor();
    expect(await form.households.count()).toBe(HOUSEHOLDS);

    // The name the facilitator calls out is larger than the code beside it.
    const first = form.households.first();
    const size = (l: Locator) =>
      l.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const nameSize = await size(first.locator('.hh-name'));
    expect(nameSize).toBeGreaterThan(await size(first.locator('.hh-code')));
    expect(await first.locator('.hh-name').innerText()).toBe(households[0]?.titulaireName);

    let taps = 0;
    const tap = async (target: Locator) => {
      taps++;
      await target.click();
    };
    const substituted = new Set([10, 75, 149]);
    const counts = page.getByTestId('roll-call-counts');
    for (const [i, h] of households.entries()) {
      const line = page.getByRole('group', {
        name: `Présence du ménage ${h.householdCode}`,
        exact: true,
      });
      await tap(line.getByText('Présent', { exact: true }));
      if (substituted.has(i)) {
        // A native list: one tap opens it, one chooses.
        taps += 2;
        await form.select(`Qui est venu ? (${h.householdCode})`, 'member:3');
      }
      if (i % 50 === 49) {
        // The counts stay on screen however far down the list the facilitator is.
        await counts.getByText(`Présents : ${String(i + 1)}`).waitFor();
        const box = await counts.boundingBox();
        expect(box?.y).toBeGreaterThanOrEqual(0);
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThan(960);
      }
    }
    expect(taps).toBeLessThanOrEqual(MAX_TAPS);
    await counts.getByText('Non marqués : 0').waitFor();
    await counts.getByText('Taux de présence : 100 %').waitFor();
    await screenshot(page, '40-ma-roll-call-150');

    // « qui est venu » stayed the titulaire where it was not changed, and the search finds a line.
    const sample = households[20];
    if (!sample) throw new Error('no household 21');
    await form.search(sample.titulaireName);
    const found = page.getByRole('group', { name: `Présence du ménage ${sample.householdCode}` });
    await found.waitFor();
    expect(await form.field(`Qui est venu ? (${sample.householdCode})`).inputValue()).toBe(
      'titulaire',
    );
    await form.search('');

    await form.section('Récapitulatif');
    await expect.poll(() => form.blockingErrors()).toEqual([]);
    await form.finalise();
    await page.getByRole('heading', { name: 'Séances MA', level: 1 }).waitFor();
    await shell.unsyncedCount.getByText('1 fiche non synchronisée').waitFor();
    // Offline with a record waiting: once the attempt after « Finaliser » gives up, the line says
    // so — never « Tout est à jour ».
    await expect.poll(() => shell.syncPhase.innerText(), { timeout: 20_000 }).toBe('Hors ligne');

    await facilitator.context.setOffline(false);
    await shell.syncUntilClean();
    await shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
    await shell.unsyncedCount.getByText('0 fiche non synchronisée').waitFor();

    // The server holds the session: 150 present, three of them someone other than the titulaire.
    const session = await storedRecord(server.url, sessionId);
    const lines = session['attendance'] as Record<string, unknown>[];
    expect(lines).toHaveLength(HOUSEHOLDS);
    expect(lines.every((l) => l['status'] === 'present')).toBe(true);
    expect(lines.filter((l) => l['attendeeMemberNo'] === 3)).toHaveLength(substituted.size);
    expect(lines.filter((l) => l['attendeeIsTitulaire'] === true)).toHaveLength(
      HOUSEHOLDS - substituted.size,
    );
  });
});

/** A record as the server stores it, read as an administrator through the review API. */
async function storedRecord(url: string, id: string): Promise<Record<string, unknown>> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'demo1234' }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const res = await fetch(`${url}/api/review/records/${id}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`record ${id}: ${String(res.status)} ${await res.text()}`);
  return ((await res.json()) as { record: { data: Record<string, unknown> } }).record.data;
}
