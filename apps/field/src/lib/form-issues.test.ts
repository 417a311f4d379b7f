import { describe, expect, it } from 'vitest';
import { answeredNames, IssueStore } from './form-issues';

const issue = (name: string) => ({
  name,
  path: name,
  rule: 'r',
  severity: 'error' as const,
  message: name,
});

describe('IssueStore: what a field shows', () => {
  it('holds every issue, but a field shows its own only once revealed (itself, a prefix, or all)', () => {
    const store = new IssueStore();
    store.set([issue('headIdNo'), issue('members.3.sex'), issue('dwelling.wall')]);
    expect(store.getAll()).toHaveLength(3);
    expect(store.shown('headIdNo')).toEqual([]);
    store.reveal(['headIdNo', 'members.3']);
    expect(store.shown('headIdNo')).toHaveLength(1);
    expect(store.shown('members.3.sex')).toHaveLength(1);
    expect(store.shown('dwelling.wall')).toEqual([]);
    let heard = 0;
    store.subscribe('dwelling.wall', () => (heard += 1));
    store.revealAll();
    expect(heard).toBe(1);
    expect(store.shown('dwelling.wall')).toHaveLength(1);
  });

  it('names the answered fields of a draft, not the empty ones', () => {
    expect(
      answeredNames({
        villageId: 'v1',
        cbtListRank: undefined,
        headPhone: '',
        members: [{ sex: 'F', dob: null }],
        land: { cultivates: false },
        otherPrograms: [],
      }),
    ).toEqual(['villageId', 'members.0.sex', 'land.cultivates']);
  });
});
