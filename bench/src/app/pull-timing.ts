/** One pull request as the page's Resource Timing saw it (ms since navigation start). */
export interface PullRequestTiming {
  startTime: number;
  responseEnd: number;
}

export interface PullSplit {
  pages: number;
  /** Σ request start → last byte received: the server and the (loopback) network. */
  networkMs: number;
  /**
   * Σ last byte of page i → request of page i+1 (for the last page: → the sync panel showing the end):
   * the app reading, validating and storing the page (one Dexie transaction with its cursor).
   */
  storeMs: number;
  /** First request → end of the sync on screen. */
  totalMs: number;
}

/**
 * Splits a pull into network and storage time. The engine asks for the next page only once the
 * previous one is stored, so the gaps between requests are the app's own work on each page.
 */
export function splitPull(requests: readonly PullRequestTiming[], doneAt: number): PullSplit {
  const sorted = [...requests].sort((a, b) => a.startTime - b.startTime);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) throw new Error('no pull request was timed');
  if (doneAt < last.responseEnd) throw new Error('the sync ended before its last pull answer arrived');
  let networkMs = 0;
  let storeMs = 0;
  sorted.forEach((r, i) => {
    networkMs += r.responseEnd - r.startTime;
    const next = sorted[i + 1];
    storeMs += (next ? next.startTime : doneAt) - r.responseEnd;
  });
  return { pages: sorted.length, networkMs, storeMs, totalMs: doneAt - first.startTime };
}
