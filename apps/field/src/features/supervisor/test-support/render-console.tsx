import type { ReactElement } from 'react';
import type { RenderResult } from '@testing-library/react';
import { renderAs, testUser } from '../../../test-support/render';
import type { UserRow } from '../../../storage/types';
import type { ReviewScope } from '../api/scope';
import { ApiTokenContext } from '../hooks/use-api-token';
import { ScopeContext } from '../hooks/use-scope';
import '../i18n';

export const TOKEN = 'jd_test-supervisor-token';

export const supervisor: UserRow = testUser({
  id: 'user-sup-koro',
  login: 'sup.koro',
  name: 'Superviseur Koro',
  role: 'supervisor',
  zones: ['mopti.koro'],
});

export const koroScope: ReviewScope = {
  villages: [
    {
      id: 'village-koro-demo-1',
      name: 'Dioungani (démo)',
      communeCode: 'mopti.koro.dioungani',
      quota: 40,
    },
    {
      id: 'village-koro-demo-2',
      name: 'Madougou (démo)',
      communeCode: 'mopti.koro.madougou',
      quota: 35,
    },
  ],
};

/** A console screen as the Koro supervisor sees it, at `#<path>`, with the token and scope the console provides. */
export function renderScreen(
  ui: ReactElement,
  { path = '/supervision', scope = koroScope }: { path?: string; scope?: ReviewScope } = {},
): RenderResult {
  window.location.hash = path;
  return renderAs(
    <ApiTokenContext.Provider value={TOKEN}>
      <ScopeContext.Provider value={scope}>{ui}</ScopeContext.Provider>
    </ApiTokenContext.Provider>,
    supervisor,
  );
}
