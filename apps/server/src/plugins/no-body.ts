import { z } from 'zod';

/**
 * The documented body of a write that reads none (logout, revoking a tablet, adopting a formula): the
 * action is in the method and the path. A client may send nothing or `{}`; what it sends is ignored.
 */
export const noBodySchema = z
  .object({})
  .describe(
    'Aucun corps : l’action est dans la méthode et l’adresse (un corps envoyé est ignoré).',
  );

/** The answer of an action that has nothing to report beyond having been done. */
export const okResponseSchema = z.object({ ok: z.literal(true) });
