import { describe, expect, it } from 'vitest';
import { matchPath } from './router';

describe('matchPath', () => {
  it('matches literal segments and decodes parameters', () => {
    expect(matchPath('/ciblage/:id', '/ciblage/abc%20d')).toEqual({ id: 'abc d' });
    expect(matchPath('/ciblage/new', '/ciblage/new')).toEqual({});
    expect(matchPath('/ciblage/:id', '/ma/1')).toBeUndefined();
    expect(matchPath('/himo/p/:projectId/sheet/new', '/himo/p/42/sheet/new?x=1')).toEqual({
      projectId: '42',
    });
    expect(matchPath('/', '/')).toEqual({});
  });
});
