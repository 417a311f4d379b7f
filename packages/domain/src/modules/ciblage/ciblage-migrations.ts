// ciblage_household schema history (one line per version):
// v1 — first field version: `gps: { latitude, longitude, accuracy }`, `consent: boolean` and `consentAt?`.
// v2 — GPS keys shortened to `{ lat, lon, accuracyM }` (the unit in the name); consent became one object `{ given, at? }`
//      so that the critical path `consent.*` covers both the answer and its time.
// v3 — a failed visit (absent, refusal, moved, not found) is the visit's `result` alone: `consent` became optional,
//      asked only of an interviewed household, and the outcome « demenage » (household moved) was added.

type Raw = Record<string, unknown>;

/** v1 → v2. Pure; unknown extra fields are carried over untouched. */
export function ciblageV1ToV2(v1: Raw): Raw {
  const { gps, consent, consentAt, ...rest } = v1;
  const out: Raw = { ...rest, schemaVersion: 2 };
  if (isObject(gps)) {
    out.gps = {
      lat: gps.latitude ?? gps.lat,
      lon: gps.longitude ?? gps.lon,
      accuracyM: gps.accuracy ?? gps.accuracyM,
    };
  } else if (gps !== undefined) {
    out.gps = gps;
  }
  if (typeof consent === 'boolean') {
    out.consent = consentAt === undefined ? { given: consent } : { given: consent, at: consentAt };
  } else if (consent !== undefined) {
    out.consent = consent;
  }
  return out;
}

/**
 * v2 → v3. A v2 failed visit carried `consent: { given: false }` only because consent was required:
 * it is dropped, the outcome says it all. Consent given on a failed visit (a refusal after saying yes)
 * is kept, so the rule that refuses it still shows it to the supervisor.
 */
export function ciblageV2ToV3(v2: Raw): Raw {
  const { consent, ...rest } = v2;
  const out: Raw = { ...rest, schemaVersion: 3 };
  const refusedStandIn = rest.result !== 'complete' && isObject(consent) && consent.given === false;
  if (consent !== undefined && !refusedStandIn) out.consent = consent;
  return out;
}

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
