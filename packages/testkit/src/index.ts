export { contentHash } from './content-hash';
export { canonicalJson } from './canonical-json';
export { createPrng, deriveSeed, type Prng } from './prng';
export { startFaultyLink } from './faulty-link/faulty-link';
export {
  LinkFault,
  drawFault,
  type FaultDraw,
  type FaultRates,
} from './faulty-link/fault-schedule';
export { linkProfiles, type LinkProfile } from './faulty-link/link-profiles';
export type {
  FaultHook,
  FaultHookResult,
  FaultyLink,
  FaultyLinkOptions,
  FaultyLinkSettings,
  FaultyLinkStats,
  LinkRequestRecord,
} from './faulty-link/types';
export {
  generateHouseholds,
  generatedRecordType,
  type GenerateHouseholdsOptions,
} from './households/generate-households';
export { generatedVillages, type GeneratedVillage } from './households/villages';
export {
  createDatabase,
  dropDatabase,
  postgresBinDir,
  startPostgresCluster,
  type PostgresCluster,
} from './postgres/postgres-cluster';
