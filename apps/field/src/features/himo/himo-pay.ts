/** `10.5` → `10,5`. */
export function frNumber(n: number): string {
  return String(n).replace('.', ',');
}
