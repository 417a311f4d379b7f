import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoPmtFormula } from '@jigi/domain/targeting';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import type { TestDevice } from '../../test-support/sync-client';
import {
  KORO_VILLAGE,
  decide,
  pushAll,
  setQuota,
  surveyed,
  uploadAndAdopt,
} from './targeting-test-support';
import type { VillageRankingResponse } from '@jigi/contract';

type Ranking = VillageRankingResponse;

describe('targeting: formulas, scores and the ranked list', () => {
  let s: TestServer;
  let enq: TestDevice;
  let sup: { cookie: string };
  let admin: { cookie: string };
  beforeEach(async () => {
    s = await startTestServer();
    enq = await registerDevice(s.app, 'enq.koro');
    sup = await loginSession(s.app, 'sup.koro');
    admin = await loginSession(s.app, 'admin');
  });
  afterEach(async () => {
    await s.close();
  });
  const get = (url: string, headers: object = sup) =>
    s.app.inject({ method: 'GET', url, headers: headers as Record<string, string> });

  it('scores approved households with the adopted formula, ranks them against the quota and lists the others with their reason', async () => {
    const households = [
      surveyed(1, enq, 2),
      surveyed(2, enq, 0),
      surveyed(3, enq, 1),
      surveyed(4, enq, 0),
      surveyed(5, enq, 1),
    ];
    await pushAll(s.app, enq, households);
    for (const h of households.slice(0, 4)) await decide(s.app, sup, h.id, 'approve');
    await decide(s.app, sup, households[4]!.id, 'return');
    await setQuota(s, KORO_VILLAGE, 2);

    // Before any adoption the list cannot be ranked, and says why in French.
    const none = await get(`/api/targeting/villages/${KORO_VILLAGE}/ranking`);
    expect(none.statusCode).toBe(409);
    expect(none.json<{ error: { message: string } }>().error.message).toMatch(/Aucune formule PMT/);

    const adopted = await uploadAndAdopt(s.app, admin);
    expect(adopted).toMatchObject({
      formulaVersion: 'demo-1',
      computed: 4,
      scored: 4,
      unscored: 0,
    });

    const res = await get(`/api/targeting/villages/${KORO_VILLAGE}/ranking`);
    expect(res.statusCode).toBe(200);
    const ranking = res.json<Ranking>();
    expect(ranking.formula).toEqual({ version: 'demo-1', label: demoPmtFormula.label, demo: true });
    expect(ranking.quota).toBe(2);
    // Households 2 and 4 are the same and the poorest: a tie broken by household code; 3 then 1.
    expect(ranking.ranked.map((r) => [r.householdCode.slice(-1), r.rank, r.selected])).toEqual([
      ['2', 1, true],
      ['4', 2, true],
      ['3', 3, false],
      ['1', 4, false],
    ]);
    expect(ranking.ranked[0]!.score).toBe(ranking.ranked[1]!.score);
    expect(ranking.ranked[0]!.score).toBeLessThan(ranking.ranked[2]!.score);
    expect(ranking.ranked.some((r) => r.tiedAtCut)).toBe(false);
    expect(ranking.tieRule).toMatch(/plus nombreux/);
    expect(ranking.excluded).toEqual([
      {
        recordId: households[4]!.id,
        householdCode: 'KOR-DIO-001-AK-0005',
        headName: 'Amadou Guindo',
        reason: 'survey_returned',
        reasonLabel: 'Questionnaire renvoyé pour correction',
      },
    ]);
    // Reading a ranked list is audited.
    const audit = await s.db.audit.recent(20);
    expect(audit.some((a) => a.action === 'pmt_ranking.read' && a.entityId === KORO_VILLAGE)).toBe(
      true,
    );
  });

  it('scores a household approved later on demand, keeps old scores when a new version is adopted, and re-adopting changes nothing', async () => {
    const households = [surveyed(1, enq, 0), surveyed(2, enq, 2)];
    await pushAll(s.app, enq, households);
    await decide(s.app, sup, households[0]!.id, 'approve');
    await uploadAndAdopt(s.app, admin);
    let ranking = (await get(`/api/targeting/villages/${KORO_VILLAGE}/ranking`)).json<Ranking>();
    expect(ranking.ranked).toHaveLength(1);
    expect(ranking.excluded.map((e) => e.reason)).toEqual(['survey_not_reviewed']);

    await decide(s.app, sup, households[1]!.id, 'approve');
    ranking = (await get(`/api/targeting/villages/${KORO_VILLAGE}/ranking`)).json<Ranking>();
    expect(ranking.excluded.map((e) => e.reason)).toEqual(['not_scored']);
    const computed = await s.app.inject({
      method: 'POST',
      url: '/api/targeting/scores/compute',
      headers: sup,
      payload: { villageId: KORO_VILLAGE },
    });
    expect(computed.json()).toMatchObject({ computed: 1, scored: 1 });
    ranking = (await get(`/api/targeting/villages/${KORO_VILLAGE}/ranking`)).json<Ranking>();
    expect(ranking.ranked.map((r) => r.householdCode.slice(-1))).toEqual(['1', '2']);

    // Version 2 weighs cattle negatively: the order flips, and version 1's scores stay in history.
    const v2 = {
      ...demoPmtFormula,
      version: 'demo-2',
      label: 'Formule démo 2 — coefficients fictifs',
      models: demoPmtFormula.models.map((m) => ({
        ...m,
        coefficients: { ...m.coefficients, ubt: -0.5, toit_dur: -0.2, eclairage_moderne: -0.2 },
      })),
    };
    expect(await uploadAndAdopt(s.app, admin, v2)).toMatchObject({ computed: 2 });
    ranking = (await get(`/api/targeting/villages/${KORO_VILLAGE}/ranking`)).json<Ranking>();
    expect(ranking.formula.version).toBe('demo-2');
    expect(ranking.ranked.map((r) => r.householdCode.slice(-1))).toEqual(['2', '1']);
    const history = (await get(`/api/targeting/records/${households[0]!.id}/scores`)).json<{
      scores: { formulaVersion: string; inForce: boolean }[];
    }>();
    expect(history.scores.map((h) => [h.formulaVersion, h.inForce])).toEqual([
      ['demo-1', false],
      ['demo-2', true],
    ]);
    // Adopting version 1 again puts it back in force with the scores it already gave.
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/targeting/formulas/demo-1/adopt',
      headers: admin,
    });
    expect(again.json()).toMatchObject({ computed: 0 });
    const current = (await get('/api/targeting/formulas/current')).json<{
      formula: { version: string; inForce: boolean };
    }>();
    expect(current.formula).toMatchObject({ version: 'demo-1', inForce: true });
  });

  it('refuses a bad formula naming the field, a version uploaded twice, and an unknown version', async () => {
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/targeting/formulas',
      headers: admin,
      payload: {
        ...demoPmtFormula,
        version: 'x-1',
        models: [{ zoneType: 'default', constant: 1, coefficients: { inconnu: 2 } }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toBe(
      'Formule PMT, champ « models.0.coefficients.inconnu » : Coefficient d’un indicateur inconnu : « inconnu » n’est pas dans la liste des indicateurs.',
    );
    await uploadAndAdopt(s.app, admin);
    const twice = await s.app.inject({
      method: 'POST',
      url: '/api/targeting/formulas',
      headers: admin,
      payload: demoPmtFormula,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('already_exists');
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/targeting/formulas/nope/adopt',
      headers: admin,
    });
    expect(unknown.statusCode).toBe(404);
    // Nothing of the refused uploads was stored.
    const list = (await get('/api/targeting/formulas', admin)).json<{
      formulas: { version: string }[];
    }>();
    expect(list.formulas.map((f) => f.version)).toEqual(['demo-1']);
  });

  it('keeps a supervisor to the villages of their zones, and coefficients to administrators', async () => {
    await uploadAndAdopt(s.app, admin);
    const gao = await loginSession(s.app, 'sup.gao');
    const out = await get(`/api/targeting/villages/${KORO_VILLAGE}/ranking`, gao);
    expect(out.statusCode).toBe(403);
    expect(out.json<{ error: { code: string } }>().error.code).toBe('out_of_zone');
    expect((await get('/api/targeting/formulas/demo-1', sup)).statusCode).toBe(403);
    const detail = (await get('/api/targeting/formulas/demo-1', admin)).json<{
      formula: { models: unknown[] };
    }>();
    expect(detail.formula.models).toHaveLength(2);
    // The supervisor's view of the formula in force carries no coefficient.
    const current = await get('/api/targeting/formulas/current', sup);
    expect(current.statusCode).toBe(200);
    expect(current.body).not.toMatch(/"coefficients"|"constant"|"models"/);
  });
});
