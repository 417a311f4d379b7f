import { db } from './db';
import type { ReceiptRow } from './types';

/** Sync history of a user, newest first. */
export async function receiptsOf(userId: string, limit = 20): Promise<ReceiptRow[]> {
  const rows = await db().receipts.where('userId').equals(userId).reverse().sortBy('at');
  return rows.slice(0, limit);
}

export async function addReceipt(row: Omit<ReceiptRow, 'id'>): Promise<void> {
  await db().receipts.add(row);
}
