import { describe, expect, it } from 'vitest';
import { isConsolePath } from './routes';

describe('the shell router', () => {
  it('sends the console its paths whatever their query, and nothing else', () => {
    expect(isConsolePath('/supervision')).toBe(true);
    expect(isConsolePath('/supervision?zone=mopti.koro')).toBe(true);
    expect(isConsolePath('/supervision/batches/7?status=pending')).toBe(true);
    expect(isConsolePath('/supervisions')).toBe(false);
    expect(isConsolePath('/sync?from=/supervision/')).toBe(false);
    expect(isConsolePath('/')).toBe(false);
  });
});
