import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import { patchMutation, pullAll, push, type TestDevice } from '../../test-support/sync-client';
import type { VillageRankingResponse } from '@jigi/contract';
import { parseCsv } from '../../services/csv';
import {
  KORO_VILLAGE,
  decide,
  pushAll,
  setQuota,
  surveyed,
  uploadAndAdopt,
} from './targeting-test-support';

describe('from the ranked list to the register', () => {
  let s: TestServer;
  let enq: TestDevice;
  let sup: { cookie: string };
  beforeEach(async () => {
    s = await startTestServer();
    enq = await registerDevice(s.app, 'enq.koro');
    sup = await loginSession(s.app, 'sup.koro');
    const households = [surveyed(1, enq, 0), surveyed(2, enq, 1), surveyed(3, enq, 2)];
    await pushAll(s.app, enq, households);
    for (const h of households) await decide(s.app, sup, h.id, 'approve');
    await setQuota(s, KORO_VILLAGE, 2);
    await uploadAndAdopt(s.app, await loginSession(s.app, 'admin'));
  });
  afterEach(async () => {
    await s.close();
  });
  const post = (url: string, payload: object, headers: object = sup) =>
    s.app.inject({ method: 'POST', url, payload, headers: headers as Record<string, string> });

  it('publishes the list to the facilitator’s tablet, takes the assembly back, and enrols who it validated', async () => {
    const ranking = (
      await s.app.inject({
        method: 'GET',
        url: `/api/targeting/villages/${KORO_VILLAGE}/ranking`,
        headers: sup,
      })
    ).json<VillageRankingResponse>();
    const [first, second, third] = ranking.ranked.map((r) => r.recordId) as [
      string,
      string,
      string,
    ];

    const published = await post(`/api/targeting/villages/${KORO_VILLAGE}/assembly`, {
      assigneeId: 'user-anim-koro',
    });
    expect(published.statusCode).toBe(201);
    const { recordId } = published.json<{ recordId: string; households: number }>();
    // A second list for the same village waits until this one is decided.
    const again = await post(`/api/targeting/villages/${KORO_VILLAGE}/assembly`, {
      assigneeId: 'user-anim-koro',
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('already_exists');

    // For an assembly held without a tablet: the same list, printable.
    const pdf = await s.app.inject({
      method: 'GET',
      url: `/api/targeting/villages/${KORO_VILLAGE}/assembly.pdf`,
      headers: sup,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.subarray(-6).toString()).toContain('%%EOF');

    // The facilitator's tablet receives it to complete (returned, with a task), names only.
    const anim = await registerDevice(s.app, 'anim.koro');
    const { changes } = await pullAll(s.app, anim);
    const assembly = changes.find((c) => c.entity === 'record' && c.id === recordId) as
      { data: Record<string, unknown>; meta?: { reviewState?: string } } | undefined;
    expect(assembly?.meta?.reviewState).toBe('returned');
    expect(changes.some((c) => c.entity === 'task')).toBe(true);
    expect(JSON.stringify(changes)).not.toMatch(/"score"/);
    const lines = assembly?.data['households'] as { id: string; listStatus: string }[];
    expect(lines.map((l) => [l.id, l.listStatus])).toEqual([
      [first, 'selected'],
      [second, 'selected'],
      [third, 'waiting'],
    ]);

    // Enrolling before the assembly is held and approved is refused.
    const early = await post(`/api/targeting/villages/${KORO_VILLAGE}/enrolment`, {
      assemblyRecordId: recordId,
    });
    expect(early.statusCode).toBe(409);

    // The assembly removes the second household and adds the waiting one in its place.
    const record = { id: recordId, type: 'assembly_validation' };
    const res = await push(s.app, anim, [
      patchMutation(1, record, 1, {
        held: true,
        date: '2026-03-14',
        place: 'Place publique',
        attendanceMen: 31,
        attendanceWomen: 44,
        minutesDecision: 'validee_modifiee',
        [`households.${first}.decision`]: 'retenu',
        [`households.${second}.decision`]: 'retire',
        [`households.${second}.contestReason`]: 'non_pauvre',
        [`households.${third}.decision`]: 'ajoute',
        [`households.${third}.replacesLineId`]: second,
      }),
    ]);
    expect(res.json<{ results: { outcome: string }[] }>().results[0]?.outcome).toBe('applied');
    await decide(s.app, sup, recordId, 'approve');

    const enrolled = await post(`/api/targeting/villages/${KORO_VILLAGE}/enrolment`, {
      assemblyRecordId: recordId,
    });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toEqual({
      assemblyRecordId: recordId,
      enrolled: [first, third],
      alreadyEnrolled: [],
      awaitingSurvey: [],
    });
    const twice = await post(`/api/targeting/villages/${KORO_VILLAGE}/enrolment`, {
      assemblyRecordId: recordId,
    });
    expect(twice.json()).toMatchObject({ enrolled: [], alreadyEnrolled: [first, third] });

    const register = (
      await s.app.inject({
        method: 'GET',
        url: `/api/targeting/villages/${KORO_VILLAGE}/register`,
        headers: sup,
      })
    ).json<{ households: Record<string, unknown>[] }>();
    expect(
      register.households.map((h) => [h['id'], h['state'], h['enrolledOn'], h['plannedEnd']]),
    ).toEqual([first, third].sort().map((id) => [id, 'enrolled', '2026-03-15', '2029-03-15']));
    expect(register.households[0]).toMatchObject({
      titulaire: { name: 'Fatoumata Ongoïba', sex: 'F' },
      suppleant: { name: 'Amadou Guindo' },
      nina: '12345678901234A',
    });

    // The register is what the MA list comes from: the facilitator's next pull brings the two households.
    const next = await pullAll(s.app, anim);
    const beneficiaries = next.changes.filter(
      (c) => c.entity === 'beneficiary_household' && [first, third].includes(c.id),
    ) as unknown as { id: string; data: { titulaireName: string } }[];
    expect(beneficiaries.map((b) => b.id).sort()).toEqual([first, third].sort());
    expect(beneficiaries[0]?.data.titulaireName).toBe('Fatoumata Ongoïba');

    // Suspension keeps the household on the lists; an exit needs its reason, takes it off, and is final.
    const state = (householdId: string, body: object) =>
      post(`/api/targeting/villages/${KORO_VILLAGE}/register/${householdId}/state`, body);
    expect((await state(first, { state: 'suspended' })).json()).toMatchObject({
      state: 'suspended',
    });
    const noReason = await state(third, { state: 'exited' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ error: { message: string } }>().error.message).toMatch(/exitReason/);
    expect(
      (await state(third, { state: 'exited', exitReason: 'demenagement' })).json(),
    ).toMatchObject({
      state: 'exited',
      exitReason: 'demenagement',
    });
    expect((await state(third, { state: 'enrolled' })).statusCode).toBe(409);
    // One household on one page: its survey, score, assembly decision, enrolment and events.
    const file = (
      await s.app.inject({
        method: 'GET',
        url: `/api/targeting/records/${second}/household`,
        headers: sup,
      })
    ).json<{
      survey: { householdCode: string };
      scores: { inForce: boolean }[];
      assemblies: { decision: string; contestReason: string }[];
      enrolment: unknown;
    }>();
    expect(file.survey.householdCode).toBe('KOR-DIO-001-AK-0002');
    expect(file.scores.map((x) => x.inForce)).toEqual([true]);
    expect(file.assemblies).toMatchObject([{ decision: 'retire', contestReason: 'non_pauvre' }]);
    expect(file.enrolment).toBeNull();
    const kept = (
      await s.app.inject({
        method: 'GET',
        url: `/api/targeting/records/${first}/household`,
        headers: sup,
      })
    ).json<{ enrolment: { state: string }; events: { action: string }[] }>();
    expect(kept.enrolment.state).toBe('suspended');
    expect(kept.events.map((e) => e.action)).toEqual(['enrol', 'state.suspended']);

    // The RSU receives the register in its versioned format: the households, then their changes.
    const csv = async (what: string) => {
      const res = await s.app.inject({
        method: 'GET',
        url: `/api/targeting/villages/${KORO_VILLAGE}/rsu-${what}.csv`,
        headers: sup,
      });
      expect(res.statusCode).toBe(200);
      return parseCsv(res.body.replace(/^\uFEFF/, ''));
    };
    const [head = [], ...households] = await csv('households');
    expect(head.slice(0, 3)).toEqual(['format_version', 'household_id', 'household_code']);
    const col = (name: string) => head.indexOf(name);
    expect(
      households.map((r) => [r[0], r[col('household_id')], r[col('state')], r[col('exit_reason')]]),
    ).toEqual(
      [
        ['1', first, 'suspended', ''],
        ['1', third, 'exited', 'demenagement'],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    const [changeHead = [], ...changes2] = await csv('changes');
    const action = changeHead.indexOf('action');
    expect(changes2.map((r) => r[action]).sort()).toEqual(
      ['enrol', 'enrol', 'state.exited', 'state.suspended'].sort(),
    );

    const after = await pullAll(s.app, anim, next.cursor);
    const gone = after.changes.filter((c) => c.entity === 'beneficiary_household');
    expect(gone.map((c) => [c.id, c.deleted])).toEqual([[third, true]]);
  });

  it('has no printable list before one is published', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/targeting/villages/${KORO_VILLAGE}/assembly.pdf`,
      headers: sup,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(
      /Aucune liste publiée/,
    );
  });

  it('refuses an assembly given to someone outside the village’s zones', async () => {
    const res = await post(`/api/targeting/villages/${KORO_VILLAGE}/assembly`, {
      assigneeId: 'user-sup-gao',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/assigneeId/);
  });
});
