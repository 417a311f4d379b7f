import { describe, expect, it } from 'vitest';
import { defaultProgramSettings } from '../settings/program-settings';
import { muacColour } from './muac';

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
