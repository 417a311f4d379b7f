import { describe, expect, it } from 'vitest';
import { parseTypedValue } from './typed-value';

describe('parseTypedValue', () => {
  it('reads numbers like the values in conflict, with a French decimal comma', () => {
    expect(parseTypedValue(' 112 ', [110, 115])).toBe(112);
    expect(parseTypedValue('2,5', [2, 3])).toBe(2.5);
    expect(parseTypedValue('douze', [110, 115])).toBeUndefined();
  });
  it('reads oui/non for booleans', () => {
    expect(parseTypedValue('Oui', [true, false])).toBe(true);
    expect(parseTypedValue('non', [true, false])).toBe(false);
    expect(parseTypedValue('peut-être', [true, false])).toBeUndefined();
  });
  it('keeps text trimmed, and refuses an empty value', () => {
    expect(parseTypedValue('  Sɛku Dolo ', ['Seku', 'Sékou'])).toBe('Sɛku Dolo');
    expect(parseTypedValue('   ', ['a', 'b'])).toBeUndefined();
  });
});
