// Issue 7, scenario 9: a name typed in the field as `<img src=x onerror=alert(1)>` reaches the
// supervisor console as text — shown literally, never turned into markup or script.
import type { Dialog } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BatchDetailPage,
  BatchListPage,
  RecordViewPage,
  SupervisorConsole,
} from './pages/supervisor-console';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { captureCiblage } from './support/capture';
import { signIn, type SignedInTablet } from './support/field-session';
import { villages } from './support/households';
import { Resources } from './support/resources';

const HOSTILE = '<img src=x onerror=alert(1)>';
let server: AppServer;
let enumerator: SignedInTablet;
let supervisor: SignedInTablet;
const dialogs: string[] = [];

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  enumerator = resources.tablet(await signIn(server, 'enq-koro', 'enq.koro'));
  supervisor = resources.tablet(await signIn(server, 'sup-koro', 'sup.koro'));
  const onDialog = (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  enumerator.page.on('dialog', onDialog);
  supervisor.page.on('dialog', onDialog);
});

/** Images whose source is the hostile `x`: there must never be one. */
async function injectedImages(page: SignedInTablet['page']): Promise<number> {
  return page.evaluate(
    () => [...document.images].filter((img) => img.getAttribute('src') === 'x').length,
  );
}

describe('hostile text', () => {
  it('a name with an <img onerror> tag is shown as text in the console', async () => {
    await captureCiblage(enumerator, villages.dioungani, [
      { firstName: 'Ali', lastName: `Maïga ${HOSTILE}`, sex: 'M', relation: 'chef', age: 40 },
      { firstName: HOSTILE, lastName: 'Maïga', sex: 'F', relation: 'conjoint', age: 35 },
    ]);
    await enumerator.shell.syncUntilClean();
    await enumerator.shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
    await enumerator.page.getByText(`Ali Maïga ${HOSTILE}`).waitFor();
    expect(await injectedImages(enumerator.page)).toBe(0);

    const console = new SupervisorConsole(supervisor.page, server.url);
    await console.openFromHome('sup.koro');
    await new BatchListPage(supervisor.page).open(1);
    await new BatchDetailPage(supervisor.page).openRecord(`— Ali Maïga ${HOSTILE}`);
    const record = new RecordViewPage(supervisor.page);
    await record.title(`— Ali Maïga ${HOSTILE}`).waitFor();
    // The roster shows both names literally.
    await supervisor.page.getByText(HOSTILE, { exact: true }).first().waitFor();
    expect(await supervisor.page.getByText(HOSTILE).count()).toBeGreaterThanOrEqual(2);
    expect(await injectedImages(supervisor.page)).toBe(0);
    await screenshot(supervisor.page, '16-supervisor-hostile-name');
    expect(dialogs).toEqual([]);
  });
});
