import { describe, expect, it } from 'vitest';
import { householdCode } from './new-ciblage';

describe('household code made offline', () => {
  it('folds the village and agent names, tags the device, pads the sequence', () => {
    expect(householdCode('Dioungani (démo)', 'Enquêteur Koro', 7, '3f2a-…')).toBe('DIO-EK3F-0007');
    expect(householdCode('Ségué', 'Ɲɛlɛ', 12)).toBe('SEG-NX-0012');
  });
});
