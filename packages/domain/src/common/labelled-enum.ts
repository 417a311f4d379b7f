import { z } from 'zod';

/**
 * A closed list of codes with their French labels. The codes are stored (ASCII, stable), the labels
 * are shown; keeping both in one `as const` object means a new option cannot be added without a label.
 */
export function labelledEnum<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { labels, codes, schema: z.enum(codes) };
}
