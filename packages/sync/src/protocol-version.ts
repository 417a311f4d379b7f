/**
 * The wire protocol version. Bump it for every change of a message schema or limit, and record the
 * new schema hash below (protocol-version.test.ts prints it); once a version ships, add its hash to
 * `releasedHashes` in that test, which then refuses any later change of it. History, one line per
 * version:
 *
 * 1 — first version: push/pull, device registration, sessions, error envelope (2026-11).
 *     Hash re-taken without a bump: the push envelope the server parses first, the `data` of pulled
 *     tasks and conflicts, and each error kind's remedy joined the hashed set; they describe bytes
 *     version 1 already carried (a bump would make the server refuse every batch a tablet froze
 *     before the update, since a frozen body keeps its `protocolVersion`).
 */
export const PROTOCOL_VERSION = 1;

/** sha256 of the JSON Schemas of every wire message at PROTOCOL_VERSION (see the test). */
export const PROTOCOL_SCHEMA_HASH =
  '6479e866a2e377d98d1814139aeec8d0d065de244109699e9a8c55ec76839f33';
