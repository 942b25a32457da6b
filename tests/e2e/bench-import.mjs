// Browser import throughput: the release app in headless Chromium imports the
// files of a folder through its folder picker (worker, progress, report back,
// settlement); prints MB/s and the page's JS heap. Run by scripts/bench-import.sh.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveDist, launch, openApp } from './harness.mjs';

const dir = resolve(process.argv[2]);
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f));
const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
const server = await serveDist();
const browser = await launch();
try {
  const { page } = await openApp(browser, server.url);
  await page.locator('nav').getByRole('button', { name: 'データ取込' }).click();
  const started = Date.now();
  await page.setInputFiles('[data-testid=folder-input]', dir);
  await page.getByTestId('import-progress').waitFor({ timeout: 60_000 });
  await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 600_000 });
  const secs = (Date.now() - started) / 1000;
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  console.log(`browser: ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(2)} s = ${(bytes / 1e6 / secs).toFixed(1)} MB/s; JS heap ${(heap / 1e6).toFixed(0)} MB`);
  console.log(await page.innerText('[data-testid=import-totals]'));
} finally {
  await browser.close();
  await server.close();
}
