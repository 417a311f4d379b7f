/**
 * The wire protocol version. Bump it for every change of a message schema or limit, and record the
 * new schema hash below (protocol-version.test.ts prints it). History, one line per version:
 *
 * 1 — first version: push/pull, device registration, sessions, error envelope (2026-11).
 */
export const PROTOCOL_VERSION = 1;

/** sha256 of the JSON Schemas of every wire message at PROTOCOL_VERSION (see the test). */
export const PROTOCOL_SCHEMA_HASH =
  '5679d7067dcfba5aef1ab7ef01cc718084c405f164303bac5cb54e7a0b6c91b5';
