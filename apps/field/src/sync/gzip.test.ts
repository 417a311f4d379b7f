import { describe, expect, it } from 'vitest';
import { gunzipText, gzipText, utf8Length } from './gzip';

describe('gzip', () => {
  it('round-trips text with Malian names and compresses repetitive JSON', async () => {
    const text = JSON.stringify(
      Array.from({ length: 200 }, (_, i) => ({ id: i, firstName: 'Ɲɛ Kɔnatɛ', village: 'Koro' })),
    );
    const gz = await gzipText(text);
    expect(gz.length).toBeLessThan(utf8Length(text) / 5);
    expect(await gunzipText(gz)).toBe(text);
  });

  it('rejects a truncated body', async () => {
    const gz = await gzipText('x'.repeat(10_000));
    await expect(gunzipText(gz.slice(0, 10))).rejects.toThrow();
  });
});
