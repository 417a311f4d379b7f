// `pnpm --filter @jigi/bench exec tsx src/app/encryption-costs.ts`: what the tablet's at-rest
// encryption (docs/tablet-security.md) adds to the four §3 figures the issue names, measured in
// Debian's Chromium at 4× CPU throttling (CDP), each beside the same work without encryption:
//   unlock            — the old unlock (one PBKDF2 of the PIN) vs the new one (PBKDF2, HKDF of the
//                       share, the outer AES-GCM layer, unwrapKey, the session wrap);
//   search in 2 000   — opening the list: reading 2 000 household rows (structured clone) vs opening
//                       each sealed body (AES-GCM decrypt + JSON.parse); then a keystroke, the same
//                       in-memory filter over the folded names either way;
//   roster keystroke  — the autosave of a 60-member draft: nothing vs sealing it;
//   first pull 10 000 — nothing vs sealing 10 000 household rows (JSON + AES-GCM encrypt).
// The page runs the same WebCrypto calls with the same parameters as apps/field/src/storage/crypto
// (150 000 PBKDF2 iterations, AES-GCM-256, 12-byte IV, table|owner additional data); IndexedDB itself
// is left out, being the same with and without encryption. Prints a Markdown table.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { koroHouseholds, largeRosterHousehold } from './households';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Pair {
  figure: string;
  plainMs: number;
  sealedMs: number;
  target: string;
}

/** Runs in the page: the medians of `runs` repetitions of each figure, plain and sealed. */
async function measureInPage(input: {
  households: unknown[];
  roster: unknown;
  iterations: number;
  runs: number;
}): Promise<{ figure: string; plainMs: number; sealedMs: number }[]> {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const aad = enc.encode('jigi-row-v1|records|user-enq-koro');
  const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const seal = async (row: unknown) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const body = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad },
      dataKey,
      enc.encode(JSON.stringify(row)),
    );
    const out = new Uint8Array(12 + body.byteLength);
    out.set(iv);
    out.set(new Uint8Array(body), 12);
    return out;
  };
  const open = async (sealed: Uint8Array) =>
    JSON.parse(
      dec.decode(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: sealed.slice(0, 12), additionalData: aad },
          dataKey,
          sealed.slice(12),
        ),
      ),
    ) as unknown;
  const pbkdf2 = async (pin: string, salt: Uint8Array<ArrayBuffer>) => {
    const base = await crypto.subtle.importKey('raw', enc.encode(pin), 'PBKDF2', false, [
      'deriveKey',
    ]);
    return crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: input.iterations },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['wrapKey', 'unwrapKey'],
    );
  };
  // The wraps of the new unlock, made once.
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const share = crypto.getRandomValues(new Uint8Array(32));
  const shareKey = async () =>
    crypto.subtle.deriveKey(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new Uint8Array(32),
        info: enc.encode('jigi-key-share-v1'),
      },
      await crypto.subtle.importKey('raw', share, 'HKDF', false, ['deriveKey']),
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  const innerIv = crypto.getRandomValues(new Uint8Array(12));
  const inner = await crypto.subtle.wrapKey('raw', dataKey, await pbkdf2('2468', salt), {
    name: 'AES-GCM',
    iv: innerIv,
  });
  const outerIv = crypto.getRandomValues(new Uint8Array(12));
  const outer = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: outerIv },
    await shareKey(),
    inner,
  );

  const out: { figure: string; plainMs: number; sealedMs: number }[] = [];
  const pair = async (
    figure: string,
    plain: () => Promise<unknown>,
    sealed: () => Promise<unknown>,
  ) => {
    const p: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < input.runs; i++) {
      p.push(await time(plain));
      s.push(await time(sealed));
    }
    out.push({ figure, plainMs: med(p), sealedMs: med(s) });
  };

  await pair(
    'unlock (PIN → key)',
    () => pbkdf2('2468', salt),
    async () => {
      const innerBytes = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: outerIv },
        await shareKey(),
        outer,
      );
      const key = await crypto.subtle.unwrapKey(
        'raw',
        innerBytes,
        await pbkdf2('2468', salt),
        { name: 'AES-GCM', iv: innerIv },
        { name: 'AES-GCM', length: 256 },
        true,
        ['encrypt', 'decrypt'],
      );
      await seal(await crypto.subtle.exportKey('raw', key));
    },
  );

  // The list screen reads the user's rows once (here: 2 000), then each keystroke in the search box
  // filters their folded names in memory, the same work with or without encryption.
  const list = input.households.slice(0, 2000);
  const sealedList = await Promise.all(list.map(seal));
  await pair(
    'open the 2 000-household list (read the rows)',
    () => Promise.resolve(structuredClone(list)),
    () => Promise.all(sealedList.map(open)),
  );
  const folded = list.map((r) => JSON.stringify(r).toLowerCase());
  await pair(
    'search keystroke in 2 000 households',
    () => Promise.resolve(folded.filter((t) => t.includes('guindo')).length),
    () => Promise.resolve(folded.filter((t) => t.includes('guindo')).length),
  );
  await pair(
    'roster keystroke: autosave of the 60-member draft',
    () => Promise.resolve(structuredClone(input.roster)),
    () => seal(input.roster),
  );
  await pair(
    'first pull: store 10 000 households',
    () => Promise.resolve(structuredClone(input.households)),
    () => Promise.all(input.households.map(seal)),
  );
  return out;
}

async function main(): Promise<void> {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>encryption costs</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: flags,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${String(port)}/`);
    // tsx names nested functions with a `__name` helper the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const households = koroHouseholds({
      seed: 17,
      count: 10_000,
      agentId: 'user-enq-koro',
      deviceId: 'bench',
    });
    const roster = largeRosterHousehold({
      seed: 17,
      size: 60,
      agentId: 'user-enq-koro',
      deviceId: 'bench',
      householdCode: 'KOR-BEN-017-ZZ-0060',
    });
    const measured = await page.evaluate(measureInPage, {
      households,
      roster,
      iterations: 150_000,
      runs: Number(process.env['BENCH_RUNS'] ?? 5),
    });
    const targets = [
      '≤ 1 000 ms',
      '(once per list opening)',
      '≤ 100 ms',
      '≤ 50 ms',
      '≤ 1.3× the plain pull',
    ];
    const rows: Pair[] = measured.map((m, i) => ({ ...m, target: targets[i] ?? '' }));
    console.log('| figure (Chromium, 4× CPU) | without encryption | with encryption | target |');
    console.log('| --- | ---: | ---: | --- |');
    for (const r of rows)
      console.log(
        `| ${r.figure} | ${r.plainMs.toFixed(1)} ms | ${r.sealedMs.toFixed(1)} ms | ${r.target} |`,
      );
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
