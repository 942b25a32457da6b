// The app with its demo data: shell, languages, date styles, the settlement
// table against `shuno settle`, the adjustment-rule chart, screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, yen, root } from './harness.mjs';

const env = useAppAndBrowser();

test('the demo opens in Japanese with its badge and settlement', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  const text = await page.innerText('body');
  assert.match(text, /デモデータ表示中（架空）/);
  assert.match(text, /概況/);
  assert.match(text, /第3期 · 基準月 令和11年4月/);
  assert.match(text, /データはこのブラウザの中だけで処理され/);
  const rows = await page.locator('[data-testid=settlement-table] tbody tr').count();
  assert.ok(rows >= 75, `${rows} office rows`);
  await screenshot(page, 'overview-1400x900');
  for (const [w, h] of [[1024, 768], [1920, 1080]]) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `overview-${w}x${h}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('three offices show exactly what `shuno settle` computes', async () => {
  const cli = join(root, 'target', 'release', 'shuno');
  const json = JSON.parse(execFileSync(cli, ['settle', join(root, 'public', 'demo'), '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] }));
  const { context, page } = await openApp(env.browser, env.server.url);
  const picks = [json.offices[0], json.offices[Math.floor(json.offices.length / 2)], json.offices.at(-1)];
  for (const office of picks) {
    const row = page.locator(`tr[data-office="${office.office_code}"]`);
    assert.equal(yen(await row.locator('[data-testid=office-total]').innerText()), office.total_yen, office.office_code);
    const cells = await row.locator('td.num').allInnerTexts();
    assert.deepEqual(cells.map(yen), [
      office.base_yen,
      office.kinds.reduce((s, k) => s + k.achievement_adjustment_yen, 0),
      office.account_transfer_adjustment_yen,
      office.incident_deduction_yen,
      office.total_yen,
    ]);
  }
  const grand = json.districts.reduce((s, d) => s + d.total_yen, 0);
  assert.equal(yen(await page.innerText('[data-testid=grand-total]')), grand);
  await context.close();
});

test('language and date style switch everywhere, and the rule chart draws', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Gregorian' }).click();
  const heading = await page.innerText('[data-testid=settlement-heading]');
  assert.equal(heading, 'Period 3 · As of 2029-04');
  assert.match(await page.innerText('body'), /Demo data \(synthetic\)/);
  await page.getByRole('button', { name: 'Adjustment rule' }).click();
  const canvas = page.locator('[data-testid=curve-canvas]');
  await canvas.waitFor();
  const inked = await canvas.evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 2] > 100) dark++;
    return dark;
  });
  assert.ok(inked > 500, `the curve is drawn (${inked} blue pixels)`);
  await screenshot(page, 'rule-en');
  await context.close();
});
