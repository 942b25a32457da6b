// The first hour: the guided start (which tables, from where, what each adds,
// templates), Japanese labels for every table, and the overview fitting a
// laptop and an old projector without horizontal scroll. Screenshots go to
// target/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, openApp, screenshot } from './harness.mjs';

const env = useAppAndBrowser();

test('with no data the start page guides: tables, sources, the minimal set, templates', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.locator('nav').getByRole('button', { name: 'データ取込' }).click();
  await page.getByRole('button', { name: '読み込んだデータをすべて消去' }).click();
  const guide = page.getByTestId('guide');
  await guide.waitFor();
  assert.match(await guide.innerText(), /精算に最低限必要なのは 事務所一覧・各期別委託費・進捗（月次）・目標督励納付率 の4表です/);
  const rows = page.locator('[data-testid=guide-tables] tbody tr');
  assert.equal(await rows.count(), 13, 'every table of profile A');
  const statuses = await rows.evaluateAll((trs) => Object.fromEntries(trs.map((r) => [r.dataset.table, r.dataset.status])));
  assert.equal(statuses.offices, 'needed');
  assert.equal(statuses.contacts, 'optional');
  // Every table is named in Japanese: no English code is shown as a label.
  const names = await rows.locator('th').allInnerTexts();
  for (const name of names) assert.doesNotMatch(name, /^[a-z_]+$/, name);
  assert.match(await rows.first().innerText(), /仕様書別紙の事務所一覧/);
  // A template with two example rows, in the CSV Excel opens.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    rows.first().getByRole('button', { name: '例つき' }).click(),
  ]);
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  assert.equal(text.split('\r\n').filter(Boolean).length, 3, text);
  await screenshot(page, 'start-page-no-data');

  // The demo from the guide: the checklist shows what is loaded.
  await page.getByTestId('guide-load-demo').click();
  await page.waitForFunction(() => document.querySelector('[data-table=offices]')?.dataset.status === 'demo');
  const summary = await page.innerText('[data-testid=file-summary]');
  assert.match(summary, /事務所一覧/);
  assert.doesNotMatch(summary, /\boffices\b(?!\.csv)/);
  await screenshot(page, 'start-page-demo');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [width, height] of [[1280, 800], [1024, 768]]) {
  test(`the overview at ${width}×${height} shows every money column without horizontal scroll`, async () => {
    const { context, page, errors } = await openApp(env.browser, env.server.url, { width, height });
    const wrap = page.locator('.table-wrap:has([data-testid=settlement-table])');
    const [scroll, client] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(scroll <= client, `the table is ${scroll}px in a ${client}px frame`);
    for (const id of ['grand-total', 'office-total']) {
      const box = await page.getByTestId(id).first().boundingBox();
      assert.ok(box.x + box.width <= width, `${id} ends at ${box.x + box.width}px`);
    }
    await screenshot(page, `overview-${width}x${height}-fit`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the demo brings record files, so the records page has rows on first start', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.locator('nav').getByRole('button', { name: '督励記録' }).click();
  await page.waitForSelector('[data-testid=records-comparison] tbody tr', { timeout: 30_000 });
  assert.ok((await page.locator('[data-testid=records-comparison] tbody tr').count()) > 100);
  assert.equal(await page.getByTestId('records-empty').count(), 0);
  await screenshot(page, 'records-demo');
  assert.deepEqual(errors, []);
  await context.close();
});
