import { createPrng, generateHouseholds, type Prng } from '@jigi/testkit';
import type { JsonObject } from '@jigi/sync';
import type { SimDevice } from './sim-device';

/**
 * A seeded field day: `pushes` batches spread over the devices, each of 1–4 mutations — new
 * households (testkit's realistic ones) and, once a device has acknowledged records, edits of
 * non-critical fields of them. Returns a runner per device that saves each batch then syncs it;
 * with `more`, devices go on pushing past the plan while it returns true.
 */
export function fieldDay(
  seed: number,
  devices: readonly SimDevice[],
  pushes: number,
  onPushed: () => void,
  options: {
    deadline?: number;
    retryDelayMs?: number;
    thinkMs?: readonly [number, number];
    more?: () => boolean;
  } = {},
) {
  const prng = createPrng(seed);
  const households = generateHouseholds({ seed, count: pushes * 12 });
  let nextHousehold = 0;
  const plan = devices.map(() => [] as number[]);
  for (let p = 0; p < pushes; p++) plan[p % devices.length]?.push(prng.int(1, 4));
  const runners = devices.map((device, d) => async () => {
    const r: Prng = createPrng(seed * 31 + d);
    const mine = plan[d] ?? [];
    // The planned batches, then more while the caller still needs traffic (e.g. kills to land).
    for (let b = 0; b < mine.length || (options.more?.() ?? false); b++) {
      const size = mine[b] ?? r.int(1, 4);
      // The enumerator's next interview: tablets do not push back to back.
      if (options.thinkMs !== undefined) await sleep(r.int(options.thinkMs[0], options.thinkMs[1]));
      for (let i = 0; i < size; i++) {
        const settled = [...device.records.keys()].filter(
          (id) => device.isSettled(id) && device.records.get(id)?.record['result'] === 'complete',
        );
        const target = settled.length > 0 && r.chance(0.3) ? r.pick(settled) : undefined;
        if (target !== undefined) {
          device.patch(target, {
            'dwelling.roomsCount': r.int(1, 6),
            'dwelling.waterTimeMinutes': r.int(0, 90),
          });
        } else {
          // A run that goes on past its plan (`more`) gets further households, of another seed.
          if (nextHousehold >= households.length)
            households.push(
              ...generateHouseholds({ seed: seed + 7919 * households.length, count: pushes * 12 }),
            );
          const h = households[nextHousehold++];
          if (h === undefined) throw new Error('workload ran out of households');
          device.create(h as unknown as JsonObject & { id: string; type: string });
        }
      }
      await device.pushAll(options);
      onPushed();
    }
  });
  return { runners, plannedMutations: plan.flat().reduce((a, b) => a + b, 0) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
