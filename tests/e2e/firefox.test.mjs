// The single file in Firefox (Debian's Firefox ESR, driven over WebDriver BiDi by
// puppeteer-core): opened from disk, the demo overview shows, projector mode
// opens and closes, a CP932 file is imported through the worker started from a
// Blob URL, and a workbook comes from the export worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { dist, root, artifacts } from './harness.mjs';

let browser;
before(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
  });
});
after(async () => {
  await browser?.close();
});

/** Clicks the navigation button whose text is `name`. */
async function nav(page, name) {
  const [button] = await page.$$(`xpath/.//nav//button[contains(., '${name}')]`);
  assert.ok(button, `a navigation button ${name}`);
  await button.click();
}

test('dist/shuno.html works from file:// in Firefox', async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(dist, 'shuno.html')).href);
  await page.waitForSelector('[data-testid=settlement-table] tbody tr', { timeout: 60_000 });
  assert.ok((await page.$$('[data-testid=settlement-table] tbody tr')).length >= 75);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'firefox-single-file-overview.png') });

  // The export worker (a second Blob-URL worker) writes a workbook: the button
  // comes back and no failure is shown.
  await page.click('[data-testid=export-settlement-xlsx]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=export-settlement-xlsx]').disabled, { timeout: 30_000 });
  assert.equal((await page.$$('.export-buttons .error')).length, 0);

  await page.click('[data-testid=enter-projector]');
  await page.waitForSelector('[data-testid=projector]');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-testid=projector]'));

  await nav(page, 'データ取込');
  const input = await page.waitForSelector('[data-testid=file-input]');
  const fixture = join(root, 'tests', 'fixtures', 'cp932-broken');
  await input.uploadFile(...readdirSync(fixture).map((f) => join(fixture, f)));
  await page.waitForFunction(
    () => document.querySelector('[data-testid=import-totals]')?.textContent === '読込 16 = 採用 15 + 除外 1',
    { timeout: 60_000 },
  );
  assert.match(await page.$eval('[data-testid=problem-list]', (e) => e.innerText), /数値として読めません/);
  assert.deepEqual(errors, []);
  await page.close();
});
