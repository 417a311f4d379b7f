import { describe, expect, it } from 'vitest';
import { createAutosaver } from './autosave';

describe('autosave', () => {
  it('writes one at a time, skips superseded values, and flush waits for the latest', async () => {
    const written: number[] = [];
    let release: () => void = () => undefined;
    const saver = createAutosaver<number>(async (v) => {
      written.push(v);
      if (v === 1) await new Promise<void>((r) => (release = r));
    });
    saver.schedule(1);
    await new Promise((r) => setTimeout(r, 5));
    saver.schedule(2);
    saver.schedule(3);
    const done = saver.flush();
    release();
    await done;
    expect(written).toEqual([1, 3]);
  });
});
