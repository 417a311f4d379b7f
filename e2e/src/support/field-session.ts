import { AppShell } from '../pages/app-shell';
import { LoginPage, PinSetupPage, UnlockPage } from '../pages/auth-pages';
import type { AppServer } from './app-server';
import { openTablet, type Tablet } from './browser';
import { waitForServiceWorker } from './service-worker';

export interface SignedInTablet extends Tablet {
  shell: AppShell;
}

/**
 * Opens a fresh tablet on the app, logs the demo user in online (registering the device), chooses a
 * PIN, waits for the service worker to control the page and for the first sync (reference data).
 */
export async function signIn(
  server: AppServer,
  name: string,
  login: string,
): Promise<SignedInTablet> {
  const tablet = await openTablet(name);
  await tablet.page.goto(`${server.url}/`);
  await new LoginPage(tablet.page).logIn(login);
  await new PinSetupPage(tablet.page).choose();
  const shell = new AppShell(tablet.page);
  await shell.waitUntilOpen();
  await waitForServiceWorker(tablet.page);
  await shell.waitForIdle();
  return { ...tablet, shell };
}

/** After the tab was closed: the unlock screen, then the PIN. */
export async function unlock(tablet: SignedInTablet): Promise<void> {
  await new UnlockPage(tablet.page).unlock();
  await tablet.shell.waitUntilOpen();
}
