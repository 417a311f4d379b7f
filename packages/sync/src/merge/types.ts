import type { Json, JsonObject } from '../json';
import type { RejectionCode } from '../messages/mutation-result';

/** Who last changed a path, and at which record version. */
export type FieldStamp = {
  readonly version: number;
  /**
   * The device id for tablet mutations, or an actor id chosen by the server (e.g. `user:<id>` for a
   * supervisor's resolution). A device's own later mutations never conflict with its earlier ones.
   */
  readonly by: string;
};

/**
 * What the server keeps per record to merge the next mutation. `fieldVersions` has an entry only for
 * paths changed after creation; a removal is stamped on the removed path (`members.<id>`).
 */
export type ServerRecordState = {
  readonly version: number;
  readonly fieldVersions: Readonly<Record<string, FieldStamp>>;
  readonly record: JsonObject;
  readonly deleted: boolean;
};

/** A critical path changed concurrently: the server kept `serverValue`; a supervisor picks. */
export type MergeConflict = {
  readonly path: string;
  /** `null`: the path is absent on the server (e.g. the member was removed). */
  readonly serverValue: Json;
  /** `null`: the mutation removes the path. */
  readonly incomingValue: Json;
  readonly baseVersion: number;
  /** Version that made the server value. */
  readonly serverVersion: number;
};

/** A non-critical server value replaced by a concurrent mutation (server order wins), for history. */
export type Overwritten = {
  readonly path: string;
  /** `null`: the path was absent. */
  readonly previousValue: Json;
  readonly previousVersion: number;
};

/** A mutation the merge refuses; `message` is French, for the user. */
export type MergeRejection = { readonly code: RejectionCode; readonly message: string };

/** The merge's verdict. `state` is the server state to store (unchanged for `duplicate`). */
export type MergeDecision =
  | {
      readonly outcome: 'applied' | 'merged' | 'duplicate';
      readonly state: ServerRecordState;
      /** Patch paths that changed the record (empty for create and delete). */
      readonly appliedPaths: readonly string[];
      readonly overwritten: readonly Overwritten[];
    }
  | {
      readonly outcome: 'conflict_queued';
      readonly state: ServerRecordState;
      readonly appliedPaths: readonly string[];
      readonly overwritten: readonly Overwritten[];
      readonly conflicts: readonly MergeConflict[];
    }
  | { readonly outcome: 'rejected'; readonly rejection: MergeRejection };

/** Domain knowledge, bound to the record type: `(path) => isCriticalPath(type, path)`. */
export type IsCritical = (path: string) => boolean;
