import {
  buildBeneficiaryHousehold,
  buildHimoMicroproject,
  buildVillage,
} from '@jigi/domain/testing';
import { demoPmtFormula } from '@jigi/domain/targeting';
import { defaultProgramSettings } from '@jigi/domain';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, PROTOCOL_VERSION } from '@jigi/sync';
import { generateHouseholds } from '@jigi/testkit';
import { RELIABILITY_USER } from '../support/provision';

/** What the fuzz test needs to know of the running server to build valid examples. */
export type FuzzContext = { deviceId: string; nextMutationId: () => number; recordId: string };

/**
 * A valid request of one write endpoint: path parameters, body (or CSV text, or the JSON of a
 * tablet export file, sent gzipped as application/octet-stream), and who calls.
 */
export type Example = {
  params: Record<string, string>;
  body?: unknown;
  csv?: string;
  exportFile?: unknown;
  caller: 'device' | 'admin' | 'anonymous';
};

const household = generateHouseholds({ seed: 4040, count: 50 });
let created = 0;

/**
 * One valid example per write endpoint of the OpenAPI document (`METHOD /path/{param}`). A write
 * route without an example here makes the fuzz test fail, so a new route cannot go unfuzzed.
 */
export const writeExamples: Record<string, (ctx: FuzzContext) => Example> = {
  'POST /api/sync/push': (ctx) => {
    const record = household[created++ % household.length] ?? household[0];
    if (record === undefined) throw new Error('no household to push');
    return {
      caller: 'device',
      params: {},
      body: {
        protocolVersion: PROTOCOL_VERSION,
        deviceId: ctx.deviceId,
        batchId: crypto.randomUUID(),
        clientTime: '2026-03-15T09:00:00.000Z',
        mutations: [
          {
            mutationId: ctx.nextMutationId(),
            recordId: record.id,
            recordType: record.type,
            op: 'create',
            baseVersion: 0,
            record,
            clientTime: '2026-03-15T09:00:00.000Z',
          },
        ],
      },
    };
  },
  'POST /api/admin/imports': (ctx) => {
    const push = writeExamples['POST /api/sync/push']?.(ctx).body;
    return {
      caller: 'admin',
      params: {},
      exportFile: {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        deviceId: ctx.deviceId,
        userId: RELIABILITY_USER,
        exportedAt: '2026-03-15T09:00:00.000Z',
        pushes: [push],
      },
    };
  },
  'POST /api/auth/device': () => ({
    caller: 'anonymous',
    params: {},
    body: { login: 'enq.koro', password: 'pas-le-bon', deviceLabel: 'Tablette fuzz' },
  }),
  'POST /api/auth/login': () => ({
    caller: 'anonymous',
    params: {},
    body: { login: 'sup.koro', password: 'pas-le-bon' },
  }),
  'POST /api/auth/logout': () => ({ caller: 'anonymous', params: {} }),
  'POST /api/admin/users': () => ({
    caller: 'admin',
    params: {},
    body: {
      login: 'fuzz.user',
      name: 'Fuzz',
      role: 'enumerator',
      zones: ['village-koro-demo-1'],
      password: 'motdepasse-fuzz',
    },
  }),
  'PATCH /api/admin/users/{userId}': () => ({
    caller: 'admin',
    params: { userId: 'user-sup-gao' },
    body: { name: 'Superviseur Gao', zones: ['gao.gao'] },
  }),
  'POST /api/admin/devices/{deviceId}/revoke': () => ({
    caller: 'admin',
    params: { deviceId: 'rel-device-002' },
  }),
  'PUT /api/admin/villages/{villageId}': () => ({
    caller: 'admin',
    params: { villageId: 'village-fuzz-1' },
    body: buildVillage({ id: 'village-fuzz-1', name: 'Fuzz', communeCode: 'mopti.koro.dioungani' }),
  }),
  'POST /api/admin/villages/import': () => ({
    caller: 'admin',
    params: {},
    csv: 'id,name,communeCode,pnp,quota\nvillage-fuzz-2,Fuzz 2,mopti.koro.dioungani,true,10\n',
  }),
  'POST /api/admin/households/import': () => ({
    caller: 'admin',
    params: {},
    csv: 'id,villageId,householdCode,headName,titulaireName\n00000000-0000-4000-8fff-000000000001,village-koro-demo-1,KOR-FZ-0001,Amadou Guindo,Hawa Dolo\n',
  }),
  'POST /api/admin/villages/import/preview': () => ({
    caller: 'admin',
    params: {},
    csv: 'id,name,communeCode,pnp,quota\nvillage-fuzz-3,Fuzz 3,mopti.koro.dioungani,true,10\n',
  }),
  'POST /api/admin/households/import/preview': () => ({
    caller: 'admin',
    params: {},
    csv: 'id,villageId,householdCode,headName,titulaireName\n00000000-0000-4000-8fff-000000000002,village-koro-demo-1,KOR-FZ-0002,Amadou Guindo,Hawa Dolo\n',
  }),
  'PUT /api/admin/households/{householdId}': () => {
    const household = buildBeneficiaryHousehold({
      id: '00000000-0000-4000-8fff-000000000003',
      villageId: 'village-koro-demo-1',
      householdCode: 'KOR-FZ-0003',
    });
    return { caller: 'admin', params: { householdId: household.id }, body: household };
  },
  'POST /api/targeting/formulas': () => ({ caller: 'admin', params: {}, body: demoPmtFormula }),
  'POST /api/targeting/formulas/{version}/adopt': () => ({
    caller: 'admin',
    params: { version: demoPmtFormula.version },
  }),
  'POST /api/targeting/scores/compute': () => ({
    caller: 'admin',
    params: {},
    body: { villageId: 'village-koro-demo-1' },
  }),
  'POST /api/targeting/villages/{villageId}/assembly': () => ({
    caller: 'admin',
    params: { villageId: 'village-koro-demo-1' },
    body: { assigneeId: 'user-anim-koro' },
  }),
  'POST /api/targeting/villages/{villageId}/enrolment': (ctx) => ({
    caller: 'admin',
    params: { villageId: 'village-koro-demo-1' },
    body: { assemblyRecordId: ctx.recordId },
  }),
  'POST /api/targeting/villages/{villageId}/register/{householdId}/state': (ctx) => ({
    caller: 'admin',
    params: { villageId: 'village-koro-demo-1', householdId: ctx.recordId },
    body: { state: 'suspended' },
  }),
  'POST /api/auth/key-share': () => ({
    caller: 'device',
    params: {},
    body: { keyId: '00000000-0000-4000-8000-00000000c0de' },
  }),
  'PUT /api/admin/microprojects/{microprojectId}': () => {
    const project = buildHimoMicroproject({ villageIds: ['village-bankass-demo-1'] });
    return { caller: 'admin', params: { microprojectId: project.projectId }, body: project };
  },
  'PUT /api/admin/settings': () => ({ caller: 'admin', params: {}, body: defaultProgramSettings }),
  'POST /api/review/records/{recordId}/decision': (ctx) => ({
    caller: 'admin',
    params: { recordId: ctx.recordId },
    body: { decision: 'return', comment: 'Vérifier le chef de ménage.' },
  }),
  'POST /api/review/decisions': (ctx) => ({
    caller: 'admin',
    params: {},
    body: { decision: 'approve', recordIds: [ctx.recordId] },
  }),
  'POST /api/review/conflicts/{conflictId}/resolve': () => ({
    caller: 'admin',
    params: { conflictId: 'no-such-conflict' },
    body: { choice: 'server' },
  }),
  'POST /api/review/duplicates/resolve': (ctx) => ({
    caller: 'admin',
    params: {},
    body: { action: 'keep_both', recordIds: [ctx.recordId, household[1]?.id ?? ''] },
  }),
};
