import {
  rejectionCodes,
  type Issue,
  type Json,
  type MutationResult,
  type RejectionCode,
} from '@jigi/sync';
import type { ContentProblem } from '@jigi/domain';
import type { z } from 'zod';
import type { AuthContext } from '../plugins/access';
import type { DeviceRow } from '../storage/rows';
import type { Tx } from '../storage/store';
import { storableInput } from './push-content';

// How a push refuses one mutation: the answer the tablet gets and the quarantine row support sees.

export type Rejection = {
  code: RejectionCode;
  message: string;
  issues?: Issue[];
  details?: Record<string, Json>;
};

export async function reject(
  tx: Tx,
  auth: AuthContext,
  device: DeviceRow,
  mutation: { mutationId: number; recordId: string },
  batchNumber: number,
  serverTime: string,
  rejection: Rejection,
): Promise<MutationResult> {
  // Kept rather than dropped (docs/decisions.md §4): the supervisor and support can see what was refused.
  await tx.sync.quarantine({
    deviceId: device.id,
    userId: auth.user.id,
    mutationId: mutation.mutationId,
    batchNumber,
    reasonCode: rejection.code,
    reason: {
      message: rejection.message,
      ...(rejection.issues === undefined ? {} : { issues: rejection.issues }),
      ...(rejection.details === undefined ? {} : { details: rejection.details }),
    },
    // Cut and cleaned: a refused input may be nested too deep or hold characters no column takes.
    input: storableInput(mutation),
    receivedAt: serverTime,
  });
  return {
    mutationId: mutation.mutationId,
    recordId: mutation.recordId,
    outcome: 'rejected',
    error: {
      code: rejectionCodes[rejection.code],
      message: rejection.message,
      ...(rejection.issues === undefined ? {} : { issues: rejection.issues }),
      ...(rejection.details === undefined ? {} : { details: rejection.details }),
    },
  };
}

export function firstError(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const head = errors[0]?.message ?? 'La fiche ne respecte pas les règles du programme.';
  return errors.length > 1 ? `${head} (et ${errors.length - 1} autre(s) erreur(s))` : head;
}

export function asText(value: Json | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

/** A mutation that fails the wire schema: refused with each field path and rule named. */
export function malformed(error: z.ZodError): Rejection {
  const issues: Issue[] = error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    rule: `wire.${i.code}`,
    severity: 'error',
    message: i.message,
  }));
  const first = issues[0];
  return {
    code: 'validation_failed',
    message: `Modification mal formée${first === undefined ? '' : ` : champ « ${first.path || '(modification)'} », ${first.message}`}.`,
    issues,
  };
}

/** The refusal of a mutation for its content: `validation_failed` naming the field and the rule. */
export function contentRejection(problem: ContentProblem): Rejection {
  return {
    code: 'validation_failed',
    message: problem.message,
    issues: [
      { path: problem.path, rule: problem.rule, severity: 'error', message: problem.message },
    ],
  };
}
