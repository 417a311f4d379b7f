import type { Gps } from '../common/envelope';
import { issue, type Draft, type Issue } from './issue';

/** Mali's bounding box, with a small margin (a point outside is almost surely a GPS or typing error). */
export const MALI_BOUNDS = { latMin: 10.0, latMax: 25.1, lonMin: -12.3, lonMax: 4.3 } as const;
/** Accuracy above this is flagged: the point may be in the wrong compound. */
export const GPS_MAX_ACCURACY_M = 100;

/** Warnings about a GPS point: outside Mali, or imprecise. */
export function gpsRules(gps: Draft<Gps> | undefined): Issue[] {
  if (!gps) return [];
  const out: Issue[] = [];
  const { lat, lon, accuracyM } = gps;
  if (
    lat !== undefined &&
    lon !== undefined &&
    (lat < MALI_BOUNDS.latMin ||
      lat > MALI_BOUNDS.latMax ||
      lon < MALI_BOUNDS.lonMin ||
      lon > MALI_BOUNDS.lonMax)
  ) {
    out.push(
      issue(
        'gps',
        'location.gps_outside_mali',
        'warning',
        `Position GPS : ${lat}, ${lon} est hors du Mali — à vérifier.`,
      ),
    );
  }
  if (accuracyM !== undefined && accuracyM > GPS_MAX_ACCURACY_M) {
    out.push(
      issue(
        'gps.accuracyM',
        'location.gps_imprecise',
        'warning',
        `Précision GPS : ${Math.round(accuracyM)} m, au-delà de ${GPS_MAX_ACCURACY_M} m — reprenez le point si possible.`,
      ),
    );
  }
  return out;
}
