import { buildCiblageHousehold, buildMember, buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { AUTOSAVE_AFTER_MS, autosavePause } from '../../components/form/use-record-form';
import { saveDraft } from '../../storage/drafts';
import { finaliseRecord } from '../../storage/records';
import type { JigiDb } from '../../storage/db';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { CiblageForm } from './ciblage-form';
import { newCiblageRecord } from './new-ciblage';

const user = testUser({ id: sampleIds.agent });
const ID = '11111111-1111-4111-8111-111111111111';
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await db.syncState.put({
    userId: user.id,
    deviceId: sampleIds.device,
    deviceToken: 'x'.repeat(24),
    nextMutationId: 1,
    pullCursor: null,
  });
});

async function seedDraft(
  record: Record<string, unknown>,
  position: { section: string; itemId?: string },
) {
  await saveDraft({
    record: { type: 'ciblage_household', ...record, id: ID },
    agentId: user.id,
    position,
    now: '2026-03-15T09:00:00.000Z',
  });
}

async function savedDraft() {
  await waitFor(async () => {
    expect(screen.getByTestId('save-state')).toHaveTextContent('Enregistré automatiquement');
    expect(await db.drafts.get(ID)).toBeDefined();
  });
  return db.drafts.get(ID);
}

describe('ciblage survey', () => {
  it('autosaves every change and reopens exactly where it was left: section, member, values', async () => {
    await seedDraft(newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }), {
      section: 'identification',
    });
    const ui = userEvent.setup();
    const first = renderAs(<CiblageForm id={ID} />, user);
    await ui.click(await screen.findByRole('button', { name: 'Membres' }));
    await ui.click(screen.getByRole('button', { name: /Ajouter un membre/ }));
    await ui.type(screen.getByLabelText('Prénom'), 'Fatoumata');
    await ui.type(screen.getByLabelText('Nom'), 'Traoré');
    await waitFor(async () => {
      const d = await db.drafts.get(ID);
      expect((d?.record['members'] as { lastName?: string }[])[0]?.lastName).toBe('Traoré');
    });
    first.unmount();

    renderAs(<CiblageForm id={ID} />, user);
    expect(await screen.findByRole('heading', { name: 'Membre n°1' })).toBeInTheDocument();
    expect(screen.getByLabelText('Prénom')).toHaveValue('Fatoumata');
    expect(screen.getByLabelText('Nom')).toHaveValue('Traoré');
  });

  it('a failed visit is recorded as its outcome: no consent question, no other section', async () => {
    await seedDraft(newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }), {
      section: 'consent',
    });
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    const outcome = await screen.findByRole('group', { name: 'Résultat de la visite' });
    expect(
      screen.getByRole('group', { name: 'Le ménage accepte-t-il de répondre ?' }),
    ).toBeVisible();
    await ui.click(within(outcome).getByLabelText('Ménage absent'));
    expect(await screen.findByText(/Visite sans entretien/)).toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: 'Le ménage accepte-t-il de répondre ?' }),
    ).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).queryByRole('button', { name: 'Membres' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Récapitulatif' })).toBeInTheDocument();
    const d = await savedDraft();
    expect(d?.record['result']).toBe('absent');
    expect(d?.record['consent']).toBeUndefined();
  });

  it('« Non » to consent does not record a refusal by itself: it offers to note the visit as one', async () => {
    await seedDraft(newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }), {
      section: 'consent',
    });
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    const consent = await screen.findByRole('group', {
      name: 'Le ménage accepte-t-il de répondre ?',
    });
    await ui.click(within(consent).getByLabelText('Non'));
    const outcome = screen.getByRole('group', { name: 'Résultat de la visite' });
    expect(within(outcome).getByLabelText('Entretien réalisé')).toBeChecked();
    await ui.click(await screen.findByRole('button', { name: 'Noter la visite comme « Refus »' }));
    expect(within(outcome).getByLabelText('Refus')).toBeChecked();
    const d = await savedDraft();
    expect(d?.record['result']).toBe('refus');
    expect(d?.record['consent']).toBeUndefined();
  });

  it('shows the domain errors inline in French and refuses to finalise an incomplete survey', async () => {
    await seedDraft(newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }), {
      section: 'summary',
    });
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    await ui.click(await screen.findByRole('button', { name: 'Finaliser' }));
    expect(
      await screen.findByText(/Consentement : obligatoire pour un entretien complété/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Logement : section obligatoire/)).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.records.count()).toBe(0);
  });

  it('an inline rule error appears under the field while typing (head younger than 12)', async () => {
    const record = buildCiblageHousehold({
      id: ID,
      members: [
        buildMember({
          id: sampleIds.head,
          memberNo: 1,
          firstName: 'Amadou',
          lastName: 'Guindo',
          sex: 'M',
          relationToHead: 'chef',
          ageYears: 45,
        }),
      ],
      respondentMemberId: sampleIds.head,
    });
    await seedDraft(record, { section: 'roster', itemId: sampleIds.head });
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    const age = await screen.findByLabelText('Âge (années révolues)');
    await ui.clear(age);
    await ui.type(age, '9');
    expect(
      await screen.findByText(/Âge du chef de ménage : doit être d’au moins 12 ans/),
    ).toBeInTheDocument();
  });

  it('finalises a complete survey: the record and its create mutation are written, the draft is gone', async () => {
    await seedDraft(buildCiblageHousehold({ id: ID }), { section: 'summary' });
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    expect(await screen.findByText('Amadou Guindo')).toBeInTheDocument();
    expect(screen.queryByText(/score/i)).toHaveTextContent('Aucun score');
    await ui.click(screen.getByRole('button', { name: 'Finaliser' }));
    await waitFor(async () => {
      expect(await db.outbox.count()).toBe(1);
    });
    expect(await db.records.get(ID)).toMatchObject({ syncStatus: 'finalised' });
    expect(await db.drafts.get(ID)).toBeUndefined();
  });

  it('keeps a 60-member roster usable: lists every member and edits one of them', async () => {
    const members = Array.from({ length: 60 }, (_, i) =>
      buildMember({
        id: `22222222-2222-4222-8222-${String(i).padStart(12, '0')}`,
        memberNo: i + 1,
        firstName: `Membre${i + 1}`,
        lastName: 'Diarra',
        relationToHead: i === 0 ? 'chef' : 'enfant',
        ageYears: i === 0 ? 60 : 10,
      }),
    );
    await seedDraft(
      buildCiblageHousehold({ id: ID, members, respondentMemberId: members[0]?.id }),
      { section: 'roster' },
    );
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    expect(await screen.findByText('60 membres')).toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Modifier le membre n°42' }));
    const first = screen.getByLabelText('Prénom');
    await ui.clear(first);
    await ui.type(first, 'Ɲɛlɛ');
    await ui.click(screen.getByRole('button', { name: 'Terminer ce membre' }));
    expect(await screen.findByText('Ɲɛlɛ Diarra')).toBeInTheDocument();
    await waitFor(async () => {
      const d = await db.drafts.get(ID);
      expect((d?.record['members'] as { firstName: string }[])[41]?.firstName).toBe('Ɲɛlɛ');
    });
  });

  it('nothing typed is lost: a page hidden right after the last key writes it without waiting for the typing pause', async () => {
    // No typing pause can elapse during this test: a value stored after the hide was written by it.
    autosavePause.ms = 600_000;
    onTestFinished(() => {
      autosavePause.ms = AUTOSAVE_AFTER_MS;
    });
    const members = Array.from({ length: 60 }, (_, i) =>
      buildMember({
        id: `22222222-2222-4222-8222-${String(i).padStart(12, '0')}`,
        memberNo: i + 1,
        firstName: `Membre${i + 1}`,
        lastName: 'Diarra',
        relationToHead: i === 0 ? 'chef' : 'enfant',
        ageYears: i === 0 ? 60 : 10,
      }),
    );
    await seedDraft(
      buildCiblageHousehold({ id: ID, members, respondentMemberId: members[0]?.id }),
      { section: 'roster' },
    );
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    await ui.click(await screen.findByRole('button', { name: 'Modifier le membre n°60' }));
    const settled = () =>
      waitFor(() => {
        expect(screen.getByTestId('save-state')).toHaveTextContent('Enregistré automatiquement');
      });
    const savedName = async (field: 'firstName' | 'lastName') =>
      ((await db.drafts.get(ID))?.record['members'] as Record<string, string>[])[59]?.[field];
    // Resolves once `field` holds `value` in the stored draft after `hide`.
    const savedAfterHide = async (
      field: 'firstName' | 'lastName',
      value: string,
      hide: () => void,
    ) => {
      hide();
      await waitFor(
        async () => {
          expect(await savedName(field)).toBe(value);
        },
        { timeout: 10_000 },
      );
    };

    const first = screen.getByLabelText('Prénom');
    // Focus first, and let the write that leaving the previous control started finish: a write
    // still queued when typing starts reads the record when it runs, keys included.
    await ui.click(first);
    await settled();
    await ui.clear(first);
    await ui.type(first, 'Aminata');
    // The typing pause has not elapsed: the draft does not hold the whole name yet…
    expect(await savedName('firstName')).not.toBe('Aminata');
    // …and the tablet's browser hiding the page (a kill, a reload) writes it at once.
    await savedAfterHide('firstName', 'Aminata', () => window.dispatchEvent(new Event('pagehide')));

    const last = screen.getByLabelText('Nom');
    await ui.click(last);
    await settled();
    await ui.clear(last);
    await ui.type(last, 'Coulibaly');
    expect(await savedName('lastName')).not.toBe('Coulibaly');
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      await savedAfterHide('lastName', 'Coulibaly', () =>
        document.dispatchEvent(new Event('visibilitychange')),
      );
    } finally {
      if (hidden) Object.defineProperty(document, 'visibilityState', hidden);
      Reflect.deleteProperty(document, 'visibilityState');
    }
  });

  it('leaving a field writes it at once; typing alone writes once the typing pauses', async () => {
    await seedDraft(newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }), {
      section: 'identification',
    });
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    await ui.click(await screen.findByRole('button', { name: 'Membres' }));
    await ui.click(screen.getByRole('button', { name: /Ajouter un membre/ }));
    const savedFirstName = async () =>
      ((await db.drafts.get(ID))?.record['members'] as { firstName?: string }[] | undefined)?.[0]
        ?.firstName;
    await ui.type(screen.getByLabelText('Prénom'), 'Awa');
    const start = performance.now();
    await ui.tab();
    await waitFor(async () => {
      expect(await savedFirstName()).toBe('Awa');
    });
    expect(performance.now() - start).toBeLessThan(AUTOSAVE_AFTER_MS);

    await ui.type(screen.getByLabelText('Prénom'), 'bi');
    expect(await savedFirstName()).not.toBe('Awabi');
    expect(screen.getByTestId('save-state')).toHaveTextContent('Enregistrement…');
    await waitFor(async () => {
      expect(await savedFirstName()).toBe('Awabi');
    });
    expect(screen.getByTestId('save-state')).toHaveTextContent('Enregistré automatiquement');
  });

  it('a synced record opens read-only; a new version can be opened on purpose, and abandoned', async () => {
    await finaliseRecord({
      record: buildCiblageHousehold({ id: ID }),
      agentId: user.id,
      now: '2026-03-15T09:00:00.000Z',
    });
    await db.records.update(ID, { syncStatus: 'synced', serverVersion: 2 });
    await db.outbox.clear();
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    expect(await screen.findByText(/Cette fiche est synchronisée/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Code ménage')).not.toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Modifier cette fiche (nouvelle version)' }));
    expect(await screen.findByLabelText('Code ménage')).toHaveValue('KOR-DIO-001-AK-0001');
    expect(await db.drafts.get(ID)).toMatchObject({ editsFinalised: true });
    await ui.click(screen.getByRole('button', { name: 'Récapitulatif' }));
    await ui.click(screen.getByRole('button', { name: 'Annuler mes modifications' }));
    const confirm = screen.getByRole('button', { name: 'Confirmer : annuler les modifications' });
    await waitFor(() => {
      expect(confirm).toBeEnabled();
    });
    await ui.click(confirm);
    await waitFor(async () => {
      expect(await db.drafts.get(ID)).toBeUndefined();
    });
    expect((await db.records.get(ID))?.syncStatus).toBe('synced');
    expect(await db.outbox.count()).toBe(0);
  });

  it('a resumed draft shows its village although the village list loads after the form', async () => {
    await seedDraft(
      {
        ...newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }),
        villageId: sampleIds.village,
      },
      { section: 'identification' },
    );
    renderAs(<CiblageForm id={ID} />, user);
    await screen.findByRole('option', { name: 'Dioungani (démo)' });
    await waitFor(() => {
      expect(screen.getByLabelText('Village')).toHaveValue(sampleIds.village);
    });
  });
});
