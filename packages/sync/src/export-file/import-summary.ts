import { z } from 'zod';
import { mutationOutcomes } from '../messages/mutation-result';

/**
 * What the server answers an admin who imports a tablet's export file (`POST /api/admin/imports`, and
 * the import CLI's printout): every mutation's outcome, the review batches it created, the refusals
 * by reason. The server builds it and the supervisor console parses it with this one schema.
 *
 * Not in `wireSchemas`, so not under the `PROTOCOL_VERSION` hash: no tablet sends or reads it. It is
 * an admin answer between the server and the console that server serves from the same build, like
 * the other admin and review answers. Nor is it under `EXPORT_FORMAT_SCHEMA_HASH`: it is not part of
 * the file a tablet writes.
 */
export const importSummarySchema = z.object({
  deviceId: z.string(),
  userId: z.string(),
  /** The tablet's clock when it wrote the file: display and audit only. */
  exportedAt: z.string(),
  pushes: z.number().int(),
  mutations: z.number().int(),
  /**
   * Mutations by outcome; an id the server had already applied counts as `duplicate`. The server
   * sends every outcome (0 included); a reader takes a missing one as 0.
   */
  outcomes: z.partialRecord(z.enum(mutationOutcomes), z.number().int()),
  /** `rejected` outcomes by rejection code (`forbidden`, `validation_failed`, …). */
  rejections: z.record(z.string(), z.number().int()),
  /** Review batches created, in file order; empty when the file had been imported (or synced) before. */
  batches: z.array(z.number().int()),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
