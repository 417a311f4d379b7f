import { randomBytes } from 'node:crypto';

/** A new server epoch: short, cursor-safe (`[A-Za-z0-9_-]`). A restore starts a new one. */
export function newEpoch(): string {
  return randomBytes(6).toString('base64url');
}
