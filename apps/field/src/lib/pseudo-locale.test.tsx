import { buildBeneficiaryHousehold, buildVillage, sampleId, sampleIds } from '@jigi/domain/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Frame } from '../app/frame';
import { fieldModules } from '../app/field-modules';
import { RoleHome } from '../features/home/role-home';
import { SyncHistory } from '../features/sync-history/sync-history';
import { MaForm } from '../features/ma/ma-form';
import { newMaSessionRecord } from '../features/ma/new-ma-session';
import { saveDraft } from '../storage/drafts';
import { freshDb } from '../test-support/db';
import { renderAs, testUser } from '../test-support/render';
import { addPseudoLocale, i18n, PSEUDO_CLOSE, PSEUDO_OPEN } from './i18n';

// Every visible string goes through the catalogue: rendered in a pseudo-locale (each catalogue string
// wrapped in ⟦ ⟧), a screen shows no text outside the marks but the data it displays. What this
// finds is what a Bambara translator adding locales/bm/*.json could not translate.

const user = testUser({ id: 'user-anim-koro', role: 'facilitator', name: 'Mariam Togo' });
const ID = '33333333-3333-4333-8333-333333333333';
const household = buildBeneficiaryHousehold({
  id: sampleId(701),
  householdCode: 'KOR-DIO-001',
  headName: 'Amadou Guindo',
  titulaireName: 'Fatoumata Ongoïba',
});

/** Text of `root` outside ⟦ ⟧, once the data shown (names, codes, numbers) is taken out. */
function untranslated(root: HTMLElement, data: readonly string[]): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent?.closest('script, style, [hidden]')) continue;
    texts.push(n.textContent ?? '');
  }
  // Marks may open in one text node and close in the next (a string with a value inside).
  let outside = texts.join('\u0000');
  // Innermost first: a string may hold another (« ⟦Mariam · ⟦Animateur⟧⟧ »).
  const innermost = new RegExp(
    `${PSEUDO_OPEN}[^${PSEUDO_OPEN}${PSEUDO_CLOSE}]*${PSEUDO_CLOSE}`,
    'gu',
  );
  for (let before = ''; before !== outside;) {
    before = outside;
    outside = outside.replace(innermost, ' ');
  }
  for (const d of data) outside = outside.split(d).join(' ');
  return (
    outside
      .split('\u0000')
      // Numbers, punctuation and arrows are not words to translate.
      .map((t) => t.replace(/[\s\d.,:;·—–\-()/%«»←→▾▴…]+/gu, ' ').trim())
      .filter((t) => t !== '')
  );
}

let language: string;

beforeAll(async () => {
  language = i18n.language;
  await i18n.changeLanguage(addPseudoLocale());
});

afterAll(async () => {
  await i18n.changeLanguage(language);
});

beforeEach(async () => {
  const db = freshDb();
  await db.open();
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new TypeError('offline'))),
  );
  await db.villages.put(buildVillage());
  await db.beneficiaryHouseholds.put(household);
  await saveDraft({
    record: {
      ...newMaSessionRecord({
        id: ID,
        agentId: user.id,
        deviceId: sampleIds.device,
        facilitatorName: user.name,
      }),
      villageId: sampleIds.village,
    },
    agentId: user.id,
    position: { section: 'attendance' },
    now: '2026-03-15T09:00:00.000Z',
  });
});

describe('pseudo-locale', () => {
  it('the frame (line and details) shows nothing outside the catalogue', async () => {
    const ui = userEvent.setup();
    const { container } = renderAs(
      <Frame user={user} onLock={() => undefined} onSwitchUser={() => undefined} />,
      user,
    );
    await ui.click(await screen.findByRole('button', { expanded: false }));
    await screen.findByRole('region');
    // Each language is offered under its own name, from its own catalogue (« Français »).
    expect(untranslated(container, [user.name, 'Français'])).toEqual([]);
  });

  it('the MA roll call shows nothing outside the catalogue but names and codes', async () => {
    const ui = userEvent.setup();
    const { container } = renderAs(<MaForm id={ID} />, user);
    const line = await screen.findByRole('group', { name: /KOR-DIO-001/ });
    await ui.click(within(line).getAllByRole('radio')[0] as HTMLElement);
    await screen.findByRole('combobox', { name: /KOR-DIO-001/ });
    const data = [
      household.householdCode,
      household.headName,
      household.titulaireName ?? '',
      ...(household.members ?? []).map((m) => m.name),
    ];
    expect(untranslated(container, data)).toEqual([]);
  });

  it('each field role’s home and the sync history show nothing outside the catalogue', async () => {
    for (const role of ['enumerator', 'facilitator', 'field_agent'] as const) {
      const someone = testUser({ id: `user-${role}`, role, name: 'Awa Traoré' });
      const tiles = Object.values(fieldModules).flatMap((m) => m.tiles);
      const home = renderAs(<RoleHome work={tiles} />, someone);
      await screen.findAllByRole('link');
      expect(untranslated(home.container, [someone.name]), role).toEqual([]);
      home.unmount();
    }
    const history = renderAs(<SyncHistory />, user);
    await screen.findByRole('heading', { level: 1 });
    expect(untranslated(history.container, [user.name])).toEqual([]);
  });
});
