// The hosted build after a first visit: its service worker has cached the
// build's own files, so the app opens with the network cut; it is installable
// (a manifest), caches nothing but the build, and no request carries data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, distFiles, dist } from './harness.mjs';

const env = useAppAndBrowser();

test('after the first visit the app opens with the network cut', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  // The worker installs, caches the build and takes control of the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  assert.equal(manifest.display, 'standalone');

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=settlement-table] tbody tr', { timeout: 30_000 });
  assert.equal(await page.getByTestId('demo-badge').count(), 1, 'the demo, from the cache');
  await page.goto(`${env.server.url}/#/office/90102`);
  await page.waitForSelector('[data-testid=office-heading]');

  const origin = new URL(env.server.url).origin;
  for (const r of requests) {
    assert.equal(new URL(r.url).origin, origin, r.url);
    assert.equal(r.method, 'GET', r.url);
    assert.equal(r.body, null, r.url);
  }
  const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname)))).flat());
  const built = new Set(['/', ...distFiles().map((f) => `/${f}`)]);
  assert.ok(cached.length > 5, `the shell is cached (${cached.length} files)`);
  for (const path of cached) assert.ok(built.has(path), `only the build's files are cached: ${path}`);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.setOffline(false);
  await context.close();
});

test('a new build is announced, and the reload switches to it', async () => {
  const sw = join(dist, 'sw.js');
  const original = readFileSync(sw, 'utf8');
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    assert.equal(await page.getByTestId('update-ready').count(), 0);
    // A new build on the server: its worker differs.
    writeFileSync(sw, original.replace(/shuno-shell-[0-9a-f]{16}/, 'shuno-shell-0000000000000000'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByTestId('update-ready').waitFor({ timeout: 30_000 });
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-ready').getByRole('button').click()]);
    await page.waitForSelector('[data-testid=settlement-table] tbody tr');
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['shuno-shell-0000000000000000'], 'the old cache is gone');
    assert.deepEqual(errors, []);
  } finally {
    writeFileSync(sw, original);
    await context.close();
  }
});
