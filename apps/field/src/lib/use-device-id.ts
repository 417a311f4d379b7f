import { getSyncState } from '../storage/sync-state';
import { useLive } from './use-live';

/** The device id the server gave this tablet for this user ('' until known). */
export function useDeviceId(userId: string): string {
  const live = useLive(async () => {
    const res = await getSyncState(userId);
    return res.ok ? (res.value?.deviceId ?? '') : '';
  }, [userId]);
  return live.status === 'ready' ? live.value : '';
}
