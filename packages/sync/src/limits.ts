/**
 * Size limits of the wire, shared by the tablet (which sizes its batches under them) and the server
 * (which answers `too_large` above them). Changing one changes the wire: bump PROTOCOL_VERSION.
 */
export const wireLimits = {
  /** Mutations in one push; the tablet also caps a batch by bytes, whichever comes first. */
  maxMutationsPerPush: 200,
  /** Decoded (un-gzipped) JSON bytes of one push body. */
  maxPushBodyBytes: 2_000_000,
  /** Changes (paths) in one patch mutation. */
  maxChangesPerPatch: 1_000,
  /** Characters of one field path (`members.<uuid>.firstName` is about 50). */
  maxPathLength: 300,
  /** Characters of ids made by devices or the server (UUIDs are 36). */
  maxIdLength: 64,
  /** Characters of short free strings on the wire: logins, labels, codes, messages. */
  maxShortString: 200,
  /** Characters of a human-readable message or password. */
  maxMessageLength: 2_000,
  /** Pull page size: default and maximum number of changes. */
  defaultPullLimit: 200,
  maxPullLimit: 1_000,
  /** Pull page bytes (the server stops adding changes once over this): default, minimum, maximum. */
  defaultPullBytes: 512_000,
  minPullBytes: 16_000,
  maxPullBytes: 4_000_000,
  /** Zones on one user. */
  maxZones: 500,
} as const;
