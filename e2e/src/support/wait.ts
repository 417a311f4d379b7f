import type { Locator } from 'playwright-core';

/**
 * Polls `check` (every 100 ms) until it holds. Usable in hooks too, unlike `expect.poll`: signing a
 * tablet in (`beforeAll`) waits for the first sync this way.
 */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${String(timeoutMs)} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until an input shows a value (one the app fills in by itself: a proposed code, a name). */
export async function waitForValue(input: Locator): Promise<string> {
  await until(`a value in ${input.toString()}`, async () => (await input.inputValue()) !== '');
  return input.inputValue();
}
