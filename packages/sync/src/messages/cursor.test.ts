import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cursorStringSchema, formatCursor, parseCursor } from './cursor';

describe('pull cursor', () => {
  it('parses <epoch>.<seq>', () => {
    expect(parseCursor('e7Kq_2.1042')).toEqual({
      ok: true,
      cursor: { epoch: 'e7Kq_2', seq: 1042 },
    });
    expect(parseCursor('e1.0')).toEqual({ ok: true, cursor: { epoch: 'e1', seq: 0 } });
  });

  it.each([
    '',
    'e1',
    'e1.',
    '.5',
    'e1.-1',
    'e1.01',
    'e.1.2',
    'e1.1.5',
    'é.1',
    'e1.99999999999999999',
  ])('rejects %j as a value', (input) => {
    expect(parseCursor(input)).toEqual({ ok: false, error: { kind: 'malformed_cursor', input } });
    expect(cursorStringSchema.safeParse(input).success).toBe(false);
  });

  it('format and parse are inverse (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), fc.nat(), (epoch, seq) => {
        const text = formatCursor({ epoch, seq });
        expect(cursorStringSchema.safeParse(text).success).toBe(true);
        expect(parseCursor(text)).toEqual({ ok: true, cursor: { epoch, seq } });
      }),
      { seed: 5 },
    );
  });

  it('refuses to format a cursor it could not read back', () => {
    expect(() => formatCursor({ epoch: 'a.b', seq: 1 })).toThrow();
    expect(() => formatCursor({ epoch: 'a', seq: 1.5 })).toThrow();
  });
});
