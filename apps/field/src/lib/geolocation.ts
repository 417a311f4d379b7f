export type GpsReading =
  | { ok: true; lat: number; lon: number; accuracyM: number }
  | { ok: false; reason: 'unsupported' | 'denied' | 'timeout' };

/** One high-accuracy fix (GPS, not network), or why there is none. */
export function readGps(timeoutMs = 30_000): Promise<GpsReading> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator))
    return Promise.resolve({ ok: false, reason: 'unsupported' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        resolve({
          ok: true,
          lat: Number(pos.coords.latitude.toFixed(6)),
          lon: Number(pos.coords.longitude.toFixed(6)),
          accuracyM: Math.round(pos.coords.accuracy),
        });
      },
      (err) => {
        resolve({
          ok: false,
          reason:
            err.code === err.PERMISSION_DENIED
              ? 'denied'
              : err.code === err.POSITION_UNAVAILABLE
                ? 'unsupported'
                : 'timeout',
        });
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    );
  });
}
