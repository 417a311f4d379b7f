import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { freePort } from '../../../e2e/src/support/free-port';
import { chromiumPath, headlessFlags } from './profile-browser';

export interface LighthouseResult {
  /** 0–100, Lighthouse's performance category. */
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** `unused-javascript`: first-screen JS that never ran (KiB, transfer size). */
  unusedJsKiB: number;
  /** The three heaviest opportunities Lighthouse lists, for the note. */
  opportunities: string[];
  lighthouseVersion: string;
  formFactor: string;
  throttlingMethod: string;
}

async function waitForDevtools(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${String(port)}/json/version`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('Chromium did not open its debugging port within 30 s');
}

/**
 * §3.6: Lighthouse 12.2.3's default configuration (mobile emulation, simulated slow-4G and 4× CPU)
 * on the served app's first screen, performance category only, in Debian's Chromium started with
 * a debugging port and the e2e headless flags on a throw-away profile.
 */
export async function measureLighthouse(url: string): Promise<LighthouseResult> {
  const profile = mkdtempSync(join(tmpdir(), 'jigi-bench-lh-'));
  const port = await freePort();
  const chrome = spawn(
    chromiumPath,
    [
      ...headlessFlags(),
      `--remote-debugging-port=${String(port)}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  try {
    await waitForDevtools(port);
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    if (lhr.runtimeError)
      throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string): number => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse gave no value for ${id}`);
      return value;
    };
    const opportunities = Object.values(lhr.audits)
      .filter((a) => a.details?.type === 'opportunity' && (a.score ?? 1) < 1)
      .sort((a, b) => (b.numericValue ?? 0) - (a.numericValue ?? 0))
      .slice(0, 3)
      .map((a) => `${a.title} (${a.displayValue ?? ''})`);
    return {
      score: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      speedIndexMs: audit('speed-index'),
      unusedJsKiB:
        ((lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined)
          ?.overallSavingsBytes ?? 0) / 1024,
      opportunities,
      lighthouseVersion: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      throttlingMethod: lhr.configSettings.throttlingMethod,
    };
  } finally {
    if (chrome.exitCode === null && chrome.signalCode === null) {
      const exited = new Promise((r) => chrome.once('exit', r));
      chrome.kill('SIGTERM');
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  }
}
