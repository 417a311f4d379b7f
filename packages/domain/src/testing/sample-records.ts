// Builders of valid sample records for tests across the workspace (`@jigi/domain/testing`).
// Deterministic: ids come from `sampleId(n)`, dates are fixed around SAMPLE_TODAY. Every builder's
// output passes `validateRecord(x, sampleRuleContext())` with no error; overrides are shallow merges.
import type { RuleContext } from '../rules/issue';
import { defaultProgramSettings } from '../settings/program-settings';
import { merge, SAMPLE_TODAY, type Overrides } from './sample-base';
import { buildBeneficiaryHousehold, buildHimoMicroproject } from './sample-reference';

export { SAMPLE_TODAY, sampleId, sampleIds, envelopeFields, type Overrides } from './sample-base';
export * from './sample-reference';
export * from '../modules/ciblage/ciblage-samples';
export * from '../modules/assembly/assembly-samples';
export * from '../modules/ma/ma-samples';
export * from '../modules/pnp/pnp-samples';
export * from '../modules/himo/himo-samples';

/** A rule context with default settings, today = SAMPLE_TODAY, the sample microproject and beneficiary household. */
export function sampleRuleContext(overrides: Overrides<RuleContext> = {}): RuleContext {
  return merge(
    {
      today: SAMPLE_TODAY,
      settings: defaultProgramSettings,
      microprojects: [buildHimoMicroproject()],
      beneficiaryHouseholds: [buildBeneficiaryHousehold()],
    },
    overrides,
  );
}
