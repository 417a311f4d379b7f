import { db } from './db';

// The cross-tab lock when the browser has no Web Locks (old WebViews): a lease row in IndexedDB,
// taken in a transaction so two tabs cannot both see it free. It expires, so a tab killed while
// syncing does not block the others for ever; the holder renews it while it works.

interface Lease {
  owner: string;
  expiresAt: number;
}

const key = (name: string) => `lease:${name}`;

/** Takes the lease if it is free, expired, or already ours. */
export async function takeLease(
  name: string,
  owner: string,
  now: number,
  ttlMs: number,
): Promise<boolean> {
  const d = db();
  return d.transaction('rw', d.meta, async () => {
    const row = await d.meta.get(key(name));
    const lease = row?.value as Lease | undefined;
    if (lease && lease.owner !== owner && lease.expiresAt > now) return false;
    await d.meta.put({ key: key(name), value: { owner, expiresAt: now + ttlMs } satisfies Lease });
    return true;
  });
}

export async function releaseLease(name: string, owner: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.meta, async () => {
    const lease = (await d.meta.get(key(name)))?.value as Lease | undefined;
    if (lease?.owner === owner) await d.meta.delete(key(name));
  });
}
