import { randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../storage/store';

/** What services need from the outside world; tests pass a fixed clock and counting ids. */
export type Deps = {
  readonly store: Store;
  readonly now: () => Date;
  readonly newId: () => string;
  /** 32 random bytes, base64url: device and session secrets. */
  readonly newSecret: () => string;
};

export const systemClock = (): Date => new Date();
export const systemId = (): string => randomUUID();
export const systemSecret = (): string => randomBytes(32).toString('base64url');

/** Today in Africa/Bamako (UTC+0, no DST): the `today` of domain rules. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
