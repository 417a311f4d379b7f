import { Transform, type TransformCallback } from 'node:stream';
import { performance } from 'node:perf_hooks';

/**
 * One direction of an emulated link: a pipe of fixed capacity shared by every connection through
 * it, as a 2G cell is shared by all the requests a tablet has in flight. A byte can start only
 * when the bytes before it have gone through, so two concurrent downloads each get half the rate.
 */
export interface LinkPipe {
  /** Books `bytes` on the pipe; resolves when they have gone through. */
  transmit(bytes: number): Promise<void>;
  /** Changes the capacity for bytes booked from now on (`Infinity` = no cap). */
  setRate(bytesPerSecond: number): void;
}

/** A pipe of `bytesPerSecond` (`Infinity` lets bytes through at once). */
export function createLinkPipe(bytesPerSecond: number): LinkPipe {
  let rate = bytesPerSecond;
  let nextFreeAt = 0;
  return {
    transmit(bytes) {
      if (!Number.isFinite(rate) || bytes <= 0) return Promise.resolve();
      const now = performance.now();
      const start = Math.max(now, nextFreeAt);
      nextFreeAt = start + (bytes / rate) * 1000;
      const wait = nextFreeAt - now;
      return new Promise((resolve) => setTimeout(resolve, wait));
    },
    setRate(bytesPerSecond) {
      rate = bytesPerSecond;
    },
  };
}

/**
 * A stream stage that lets bytes through at the pipe's pace. Chunks are cut into slices of about
 * 1/50 s of link time so a large body trickles out smoothly instead of arriving in one late burst
 * (timers fire at millisecond granularity, so slices shorter than that would only add overhead).
 */
export function throttle(pipe: LinkPipe, bytesPerSecond: number): Transform {
  const slice = Number.isFinite(bytesPerSecond)
    ? Math.max(256, Math.floor(bytesPerSecond / 50))
    : Infinity;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const send = async (): Promise<void> => {
        for (let offset = 0; offset < chunk.length; offset += slice) {
          const part = chunk.subarray(offset, Math.min(chunk.length, offset + slice));
          await pipe.transmit(part.length);
          this.push(part);
        }
      };
      send().then(() => {
        callback();
      }, callback);
    },
  });
}
