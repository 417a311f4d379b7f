import { describe, expect, it } from 'vitest';
import { defaultProgramSettings, programSettingsSchema } from './program-settings';

describe('program settings', () => {
  it('the defaults are valid settings', () => {
    expect(programSettingsSchema.parse(defaultProgramSettings)).toEqual(defaultProgramSettings);
    expect(defaultProgramSettings.transferAmountFcfa).toBe(15000);
    expect(defaultProgramSettings.muac).toEqual({
      childRedBelowMm: 115,
      childYellowBelowMm: 125,
      womanBelowMm: 230,
    });
  });
  it('theme codes are unique', () => {
    const codes = defaultProgramSettings.maThemes.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
  it('the red threshold must be below the yellow one', () => {
    const bad = {
      ...defaultProgramSettings,
      muac: { childRedBelowMm: 125, childYellowBelowMm: 125, womanBelowMm: 230 },
    };
    expect(programSettingsSchema.safeParse(bad).success).toBe(false);
  });
});
