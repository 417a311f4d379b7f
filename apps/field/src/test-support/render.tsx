import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { SessionContext } from '../lib/session';
import type { UserRow } from '../storage/types';

export function testUser(overrides: Partial<UserRow> = {}): UserRow {
  return {
    id: 'user-enq-koro',
    login: 'enq.koro',
    name: 'Enquêteur Koro',
    role: 'enumerator',
    zones: ['mopti.koro'],
    pin: null,
    failedPinAttempts: 0,
    ...overrides,
  };
}

/** Renders a screen as an unlocked user would see it (French catalogue, session). */
export function renderAs(
  ui: ReactElement,
  user: UserRow = testUser(),
  lock: () => void = () => undefined,
): RenderResult {
  return render(
    <I18nextProvider i18n={i18n}>
      <SessionContext.Provider value={{ user, lock }}>{ui}</SessionContext.Provider>
    </I18nextProvider>,
  );
}
