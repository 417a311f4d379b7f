import { getMeta } from '../storage/meta';

/** Meta key of the screen a user was last on. */
export function lastPathKey(userId: string): string {
  return `lastPath:${userId}`;
}

/** The screen to reopen after an unlock: the last one, when the page was opened without a screen. */
export async function resumePath(userId: string, currentHash: string): Promise<string | undefined> {
  if (currentHash !== '' && currentHash !== '#' && currentHash !== '#/') return undefined;
  const last = await getMeta<string>(lastPathKey(userId));
  return last.ok && typeof last.value === 'string' && last.value !== '/' ? last.value : undefined;
}
