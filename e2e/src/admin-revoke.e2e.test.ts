// Issue 15 §6, a lost tablet: the administrator revokes it in the console; its next sync is refused,
// while what it had not sent reaches the server through its export file, imported by the supervisor
// of its zone (the tablet tells its user to hand the file to the supervisor).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsole, openConsole, type ConsoleBrowser } from './admin-console-pages';
import { SyncScreenPage } from './pages/sync-screen';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { captureCiblage } from './support/capture';
import { signIn, type SignedInTablet } from './support/field-session';
import { twoMembers, villages } from './support/households';
import { Resources } from './support/resources';

const resources = new Resources();
const downloads = mkdtempSync(join(tmpdir(), 'jigi-e2e-revoke-'));
let server: AppServer;
let admin: ConsoleBrowser;
let enumerator: SignedInTablet;

beforeAll(async () => {
  server = resources.server(await startAppServer());
  await ensureConsole(server);
  enumerator = resources.tablet(await signIn(server, 'enq-koro-lost', 'enq.koro'));
  admin = resources.tablet(await openConsole(server, 'admin-revoke', 'admin'));
});
afterAll(() => {
  rmSync(downloads, { recursive: true, force: true });
});

describe('a revoked tablet', () => {
  it('is refused at its next sync while its export file, imported by the Koro supervisor, delivers its records', async () => {
    // Offline in the bush: a household finalised, then exported since the tablet cannot sync.
    await enumerator.context.setOffline(true);
    await captureCiblage(enumerator, villages.dioungani, twoMembers('Togo', 'Seydou'));
    const sync = new SyncScreenPage(enumerator.page);
    await sync.open();
    const download = await sync.exportUnsent();
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);

    // The tablet is reported lost: revoked by name after a confirmation.
    await admin.console.revokeTablet('Tablette de Enquêteur Koro (démo) n° 1');
    await admin.console
      .row('Tablette de Enquêteur Koro (démo) n° 1')
      .getByText(/^Révoquée le /)
      .waitFor();
    await screenshot(admin.page, '64-admin-tablet-revoked');

    // Back in network, its sync is refused.
    await enumerator.context.setOffline(false);
    await enumerator.shell.syncButton.click();
    await enumerator.shell.waitForIdle();
    await enumerator.shell.openDetails();
    await enumerator.shell.syncPanel.getByText(/Cette tablette n’est plus autorisée/).waitFor();
    await screenshot(enumerator.page, '65-revoked-tablet-refused');

    // The Koro supervisor imports the file: the household is on the server, in a review batch.
    const supervisor = resources.tablet(await openConsole(server, 'sup-koro-import', 'sup.koro'));
    const imported = await supervisor.page.request.post(`${server.url}/api/admin/imports`, {
      headers: { 'content-type': 'application/octet-stream' },
      data: readFileSync(file),
    });
    expect(imported.status()).toBe(200);
    expect((await imported.json()) as unknown).toMatchObject({
      outcomes: { applied: 1 },
      batches: [1],
    });
    const batches = await supervisor.page.request.get(`${server.url}/api/review/batches`);
    expect((await batches.json()) as unknown).toMatchObject({ total: 1 });

    // The Gao supervisor may not import Koro's tablet.
    const gao = resources.tablet(await openConsole(server, 'sup-gao-import', 'sup.gao'));
    const refused = await gao.page.request.post(`${server.url}/api/admin/imports`, {
      headers: { 'content-type': 'application/octet-stream' },
      data: readFileSync(file),
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'import_outside_zones',
    );

    // The audit log says who revoked and who imported.
    await admin.console.open('Journal d’audit');
    await admin.console.row('Tablette révoquée').first().waitFor();
    await admin.console
      .row('Fichier d’export importé')
      .getByText('Superviseur Koro (démo)')
      .waitFor();
    await screenshot(admin.page, '66-admin-audit');
  });
});
