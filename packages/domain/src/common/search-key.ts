// Letters of the national orthographies that NFD does not decompose, mapped to what people type on a
// French keyboard when they lack them.
const LETTERS: Record<string, string> = {
  ɛ: 'e',
  ɔ: 'o',
  ɲ: 'ny',
  ŋ: 'ng',
  ɓ: 'b',
  ɗ: 'd',
  ƴ: 'y',
  ǝ: 'e',
  ə: 'e',
  ɣ: 'g',
  œ: 'oe',
  æ: 'ae',
};
const LETTER_RE = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/**
 * The key names and places are searched by: lowercase, accents stripped, national letters folded
 * (ɛ→e, ɔ→o, ɲ→ny, ŋ→ng, ɓ→b, ɗ→d, ƴ→y), apostrophes removed (N'Dodjiga → ndodjiga), hyphens and
 * runs of spaces turned into one space, trimmed. Idempotent. Compare with spaces removed for
 * space-insensitive matching (Koporo Pen / Koporopen).
 */
export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(LETTER_RE, (ch) => LETTERS[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʼ‘`´]/g, '')
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
