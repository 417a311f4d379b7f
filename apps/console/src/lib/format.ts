// fr-ML display formats not covered by the domain package (which formats FCFA and dates).

/** `1536000` → `1,5 Mo`. */
export function formatBytes(bytes: number): string {
  const units = ['o', 'Ko', 'Mo', 'Go'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits).replace('.', ',')} ${units[unit] ?? 'o'}`;
}

/** ISO instant → `05/03/2026 14:07` (Africa/Bamako is UTC). */
export function formatDateTimeFr(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''} ${m[4] ?? ''}:${m[5] ?? ''}`;
}
