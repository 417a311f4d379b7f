import { describe, expect, it } from 'vitest';
import { fieldPathLabel } from './field-path-label';

describe('fieldPathLabel', () => {
  it('names a top-level field and a child line’s field with the domain’s labels, without the child id', () => {
    expect(fieldPathLabel('householdCode')).toMatch(/ménage/i);
    const child = fieldPathLabel('members.3f2a9c1e-1111-4aaa-8bbb-000000000001.sex');
    expect(child).toContain('›');
    expect(child).not.toContain('3f2a9c1e');
  });

  it('keeps a path it cannot name as it is', () => {
    expect(fieldPathLabel('unknownThing')).toBe('unknownThing');
  });
});
