import { describe, expect, it } from 'vitest';
import { defaultProgramSettings } from '../settings/program-settings';
import { childMuacRanges, isMuacReading, muacColour, womanMuacRanges } from './muac';

describe('muacColour', () => {
  const t = defaultProgramSettings.muac;
  it('default boundaries: 114 red, 115 yellow, 124 yellow, 125 green', () => {
    expect(muacColour(114, t)).toBe('red');
    expect(muacColour(115, t)).toBe('yellow');
    expect(muacColour(124, t)).toBe('yellow');
    expect(muacColour(125, t)).toBe('green');
  });
  it('follows the thresholds it is given (settings are data)', () => {
    const other = { childRedBelowMm: 110, childYellowBelowMm: 120 };
    expect(muacColour(114, other)).toBe('yellow');
    expect(muacColour(109, other)).toBe('red');
    expect(muacColour(120, other)).toBe('green');
  });
});

describe('isMuacReading', () => {
  it('a whole number of mm within the tape: 70 and 250 are, 69, 251, 11,5 (cm) and 9999 are not', () => {
    expect([70, 115, 250].map((mm) => isMuacReading(mm, childMuacRanges))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [69, 251, 11.5, 114.5, 9999, '115', undefined, NaN].map((mm) =>
        isMuacReading(mm, childMuacRanges),
      ),
    ).toEqual([false, false, false, false, false, false, false, false]);
    expect([119, 120, 450, 451].map((mm) => isMuacReading(mm, womanMuacRanges))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
