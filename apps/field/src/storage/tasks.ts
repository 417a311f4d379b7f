import { db } from './db';
import type { TaskRow } from './types';

/** Open « À corriger » tasks of a user, newest first. */
export async function openTasks(userId: string): Promise<TaskRow[]> {
  const rows = await db().tasks.where('userId').equals(userId).toArray();
  return rows.filter((t) => !t.resolved).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}
