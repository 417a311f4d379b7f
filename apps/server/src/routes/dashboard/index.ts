import type { FastifyInstance } from 'fastify';
import { dashboardQuerySchema, dashboardSections } from '@jigi/contract';
import type { z } from 'zod';
import type { Deps } from '../../services/deps';
import { authOf } from '../../plugins/access';
import { parseInput } from '../../plugins/validate';
import { ciblageProgress } from '../../features/ciblage/ciblage-dashboard';
import { himoSummary } from '../../features/himo/himo-dashboard';
import { maAttendance } from '../../features/ma/ma-dashboard';
import { pnpSummary } from '../../features/pnp/pnp-dashboard';
import { syncHealth, type DashboardFilter } from '../../services/dashboard';
import { villagesFor } from '../../services/scope';

const access = { auth: 'user', roles: ['admin', 'supervisor'] } as const;

/** `GET /api/dashboard/<section>`: one call per console panel. */
export function dashboardRoutes(app: FastifyInstance): void {
  const { deps } = app;
  // One computation per section of the contract (a section missing here does not compile).
  const sections: {
    [S in keyof typeof dashboardSections]: (
      deps: Deps,
      f: DashboardFilter,
    ) => Promise<z.infer<(typeof dashboardSections)[S]>>;
  } = {
    ciblage: ciblageProgress,
    ma: maAttendance,
    pnp: pnpSummary,
    himo: himoSummary,
    sync: syncHealth,
  };
  for (const [name, compute] of Object.entries(sections)) {
    app.get(
      `/api/dashboard/${name}`,
      {
        config: {
          access,
          doc: {
            summary: `Tableau de bord : ${name}`,
            query: dashboardQuerySchema,
            response: dashboardSections[name as keyof typeof dashboardSections],
          },
        },
      },
      async (request) => {
        const auth = authOf(request);
        const q = parseInput(dashboardQuerySchema, request.query, 'invalid_query');
        const villageIds = await villagesFor(deps, auth, q.zone);
        const filter: DashboardFilter = {
          villageIds,
          from: q.from,
          to:
            q.to === undefined ? undefined : new Date(Date.parse(q.to) + 86_400_000).toISOString(),
        };
        return compute(deps, filter);
      },
    );
  }
}
