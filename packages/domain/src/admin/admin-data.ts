import { z } from 'zod';
import raw from '../../data/mali-admin.json' with { type: 'json' };

/** Shape of data/mali-admin.json (a copy of shared/reference/mali-admin.json; slugs, not official codes). */
export const maliAdminSchema = z.object({
  _meta: z.record(z.string(), z.string()),
  regions: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      cercles: z.array(
        z.object({
          code: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/),
          name: z.string().min(1),
          communes_complete: z.boolean(),
          communes: z.array(
            z.object({
              code: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+\.[a-z0-9-]+$/),
              name: z.string().min(1),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type MaliAdminData = z.infer<typeof maliAdminSchema>;

// Typed at compile time (the JSON's inferred type must fit); validated in full by admin-data.test.ts.
// Not parsed at runtime: the file is shipped with the code and tested, and parsing 700 entries on
// every tablet start would be wasted work.
export const maliAdminData: MaliAdminData = raw;

/**
 * Known variant spellings, by commune code (the programme's list of communes and their other spellings). Matched like names in
 * `searchCommunes`. Kept beside the JSON rather than in it so the JSON stays a verbatim copy.
 */
export const communeAliases: Readonly<Record<string, readonly string[]>> = {
  'mopti.djenne.derrary': ['Derary'],
  'mopti.bankass.kani-bonzon': ['Kani Bozon'],
  'mopti.bandiagara.timiniri': ['Timiri'],
  'mopti.bankass.dimbal-habbe': ['Dimbal Habé'],
  'mopti.bankass.koulogon-habbe': ['Koulogon Habé'],
  'mopti.bankass.lessagou-habbe': ['Lessagou Habé'],
  'mopti.koro.dioungani': ['Diougani'],
  'tombouctou.niafunke.soboundou': ['Niafunké'],
  'tombouctou.gourma-rharous.rharous': ['Gourma-Rharous'],
};
