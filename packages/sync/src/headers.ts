/**
 * Header of a push carrying how many changes the tablet still holds beyond that push (a decimal
 * count), shown to admins on the back office's tablets list. Advisory: a server ignores a missing or
 * malformed value and never refuses a push for it.
 */
export const UNSYNCED_HEADER = 'x-jigi-unsynced';
