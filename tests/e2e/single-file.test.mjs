// The single-file build (dist/shuno.html) opened from disk, as a user
// double-clicks it: with every network request refused, the demo overview
// shows, a CP932 file is imported through the worker (started from a Blob
// URL), projector mode opens and closes, the header's contract choice opens
// the call centre's own file beside it (dist/shuno-call-centre.html, #16) and
// the dunning blocks' (dist/shuno-dunning.html, #17), each with
// its demo and slides, and the policy refuses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, dist, root, screenshot, cspViolations } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('dist/shuno.html works from file:// with the network refused', async () => {
  const file = join(dist, 'shuno.html');
  assert.ok(statSync(file).size > 0, 'scripts/build-app.sh wrote the single file');
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' });
  await context.addInitScript(() => {
    if (typeof document === 'undefined') return;
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // No network at all; and any request for something other than the file
  // itself, a Blob or a data: URL is recorded (the worker's too).
  await context.setOffline(true);
  const requests = [];
  context.on('request', (r) => /^(file|blob|data):/.test(r.url()) || requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('[data-testid=settlement-table] tbody tr', { timeout: 60_000 });
  assert.equal(await page.getByTestId('demo-badge').count(), 1);
  await screenshot(page, 'single-file-overview');

  await page.getByTestId('enter-projector').click();
  await page.getByTestId('projector').waitFor();
  await page.keyboard.press('ArrowRight');
  assert.match(await page.innerText('[data-testid=current-slide] [data-testid=slide-counter]'), /^2 \//);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('projector').count(), 0);

  // Exports are downloads made in the page: a CSV of the settlement, a PNG of a chart.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-settlement-csv]')]);
  assert.equal(csv.suggestedFilename(), '精算_第3期_2029-04.csv');
  assert.match(Buffer.concat(await (await csv.createReadStream()).toArray()).toString('utf8'), /^\uFEFF/);
  // A workbook, from the export worker the single file carries (a Blob URL).
  const [book] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-settlement-xlsx]')]);
  assert.equal(book.suggestedFilename(), '精算_第3期_2029-04.xlsx');
  assert.equal(Buffer.concat(await (await book.createReadStream()).toArray()).subarray(0, 2).toString('latin1'), 'PK');
  await page.locator('nav').getByRole('button', { name: '増減額の規則' }).click();
  await page.waitForSelector('[data-testid=curve-canvas][data-draw-ms]');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG で保存' }).click()]);
  assert.equal(png.suggestedFilename(), 'shuno-adjustment-curve.png');
  const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');

  await page.locator('nav').getByRole('button', { name: 'データ取込' }).click();
  const fixture = join(root, 'tests', 'fixtures', 'cp932-broken');
  await page.setInputFiles('[data-testid=file-input]', readdirSync(fixture).map((f) => join(fixture, f)));
  await page.waitForFunction(() => document.querySelector('[data-testid=import-totals]')?.textContent === '読込 16 = 採用 15 + 除外 1');
  assert.match(await page.innerText('[data-testid=problem-list]'), /数値として読めません/);

  assert.deepEqual(await cspViolations(page), []);

  // The call centre (#16) is its own file, opened beside this one: its worker
  // and the demo it carries, from the file too.
  await page.getByTestId('contract-B').click();
  await page.waitForURL(/shuno-call-centre\.html/);
  await page.getByTestId('cc-status').waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('cc-status').innerText(), /直ちに報告/);
  await page.getByTestId('cc-enter-projector').click();
  await page.getByTestId('projector').waitFor();
  await page.keyboard.press('Escape');
  await screenshot(page, 'single-file-call-centre');

  // The dunning blocks (#17) too: its own file, its worker and demo from it.
  await page.getByTestId('contract-C').click();
  await page.waitForURL(/shuno-dunning\.html/);
  await page.locator('[data-testid^=dn-caps-]').first().waitFor({ timeout: 60_000 });
  await page.locator('nav').getByRole('button', { name: '期限点検' }).click();
  await page.getByTestId('dn-duty-list').locator('tbody tr').first().waitFor();
  await screenshot(page, 'single-file-dunning');

  assert.deepEqual(requests, [], 'nothing but the file itself was asked for');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
