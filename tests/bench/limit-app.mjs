// The per-tab limit, measured the way a user meets it: the release app in
// headless Chromium, the record files of N persons (`shuno bench-data`, made
// if missing) chosen in the file picker (disk-backed Files, read by the worker
// in 4 MiB slices), timed from the choice to the records page's table. Prints
// the time, the rows read and the renderer's peak memory, or what the page
// said when the import could not finish.
//
//   node tests/bench/limit-app.mjs N[,N…]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launch, openApp, shuno, root } from '../e2e/harness.mjs';

const sizes = (process.argv[2] ?? '1600000').split(',').map(Number);

/** Peak resident memory (VmHWM) of the browser's renderer processes, in bytes. */
function rendererPeak() {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024);
    } catch {
      // The process ended while being read.
    }
  }
  return peak;
}

const server = await serveDist();
try {
  for (const n of sizes) {
    const dir = join(root, 'target', 'bench', `records-${n}`);
    if (!existsSync(join(dir, 'delinquents.csv'))) {
      execFileSync(shuno, ['bench-data', '--persons', String(n), '--out', dir, '--seed', '1'], { stdio: 'inherit' });
    }
    const browser = await launch();
    try {
      const { page } = await openApp(browser, server.url);
      await page.getByRole('button', { name: 'データ取込' }).click();
      const files = ['contacts.csv', 'payments.csv', 'delinquents.csv'].map((f) => join(dir, f));
      const t0 = Date.now();
      await page.setInputFiles('[data-testid=file-input]', files);
      const outcome = await page.waitForFunction(
        () => document.querySelector('[data-testid=import-failed]')?.innerText
          ?? (document.querySelector('[data-testid=import-progress]') ? null : document.querySelector('[data-testid=import-totals]')?.textContent),
        null,
        { timeout: 600_000, polling: 100 },
      );
      const ms = Date.now() - t0;
      console.log(`${n.toLocaleString('en-US')} persons: ${ms} ms, ${await outcome.jsonValue()}, renderer peak ${(rendererPeak() / 1e6).toFixed(0)} MB`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
