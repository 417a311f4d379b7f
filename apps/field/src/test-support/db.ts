import { useDatabase, type JigiDb } from '../storage/db';

let n = 0;

/** A fresh, empty database for one test (fake-indexeddb), made the one storage functions use. */
export function freshDb(): JigiDb {
  n += 1;
  return useDatabase(`test-${Date.now()}-${n}-${Math.random().toString(36).slice(2)}`);
}
