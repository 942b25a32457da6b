// Import in the app: choosing an encoding, and the column-mapping step for a
// header that matches no table, remembered as a setting (never data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, root } from './harness.mjs';

const env = useAppAndBrowser();

test('a file read in the wrong encoding says so, and detection can be restored', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'データ取込' }).click();
  const fixture = join(root, 'tests', 'fixtures', 'cp932-broken');
  await page.setInputFiles('[data-testid=file-input]', readdirSync(fixture).map((f) => join(fixture, f)));
  // The worker replaces the demo's report with this one when it is done.
  await page.waitForFunction(() => document.querySelector('[data-testid=import-totals]')?.textContent === '読込 16 = 採用 15 + 除外 1');
  const row = page.locator('tr[data-file="offices.csv"]');
  await row.locator('select').selectOption('utf-8');
  await page.waitForFunction(() => document.querySelector('[data-testid=problem-list]').innerText.includes('UTF-8 として読めない'));
  assert.equal(await row.locator('[data-testid=read]').innerText(), '0');
  await row.locator('select').selectOption('');
  await page.waitForFunction(() => !document.querySelector('[data-testid=problem-list]').innerText.includes('UTF-8 として読めない'));
  assert.equal(await row.locator('[data-testid=accepted]').innerText(), '2');
  await context.close();
});

test('an unknown header is mapped once and the mapping is remembered, without data', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'データ取込' }).click();
  const file = join(root, 'tests', 'fixtures', 'mapping', 'my-offices.csv');
  await page.setInputFiles('[data-testid=file-input]', [file]);
  const form = page.getByTestId('column-mapping');
  await form.waitFor();
  await form.locator('select').first().selectOption('offices');
  const selects = form.locator('tbody select');
  for (let i = 0; i < 4; i++) await selects.nth(i).selectOption(String(i));
  await screenshot(page, 'import-mapping');
  await form.getByRole('button', { name: 'この対応で読み込む' }).click();
  const row = page.locator('tr[data-file="my-offices.csv"]');
  await page.waitForFunction(() => document.querySelector('tr[data-file="my-offices.csv"] [data-testid=accepted]')?.textContent === '2');
  assert.equal(await row.locator('td').nth(1).innerText(), '事務所一覧');
  assert.equal(await page.getByTestId('column-mapping').count(), 0);
  const stored = await page.evaluate(() => ({ keys: Object.keys(localStorage), value: localStorage.getItem('shuno.column-mappings') }));
  assert.deepEqual(stored.keys, ['shuno.column-mappings']);
  assert.doesNotMatch(stored.value, /髙﨑|川﨑|東京都/, 'only column names are stored');
  // A new visit reads the same header with the remembered mapping. The
  // reload stays on the import page (the URL says #/import).
  await page.reload();
  assert.equal(new URL(page.url()).hash, '#/import');
  await page.waitForSelector('[data-testid=file-input]');
  await page.setInputFiles('[data-testid=file-input]', [file]);
  await page.waitForFunction(() => document.querySelector('tr[data-file="my-offices.csv"] [data-testid=accepted]')?.textContent === '2');
  await context.close();
});

test('a large import shows progress and can be cancelled, leaving the data as it was', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.locator('nav').getByRole('button', { name: 'データ取込' }).click();
  const before = await page.innerText('[data-testid=import-totals]');
  const header = '事務所コード,保険料種別,年月,納付対象月数,控除納付月数,強制徴収収納月数,事業者督励月数\n';
  const row = '90101,現年度,2027-04,1000,600,10,100\n';
  const buffer = Buffer.from(header + row.repeat(1_100_000)); // 45 MB
  await page.setInputFiles('[data-testid=file-input]', [{ name: 'huge.csv', mimeType: 'text/csv', buffer }]);
  await page.getByTestId('import-progress').waitFor();
  await page.getByTestId('cancel-import').click();
  await page.getByTestId('import-cancelled').waitFor();
  assert.equal(await page.getByTestId('import-progress').count(), 0);
  assert.equal(await page.innerText('[data-testid=import-totals]'), before);
  assert.equal(await page.getByTestId('demo-badge').count(), 1, 'the demo is back');
  await context.close();
});

test('a whole folder is loaded through the folder picker', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.locator('nav').getByRole('button', { name: 'データ取込' }).click();
  await page.setInputFiles('[data-testid=folder-input]', join(root, 'tests', 'fixtures', 'cp932-broken'));
  await page.waitForFunction(() => document.querySelector('[data-testid=import-totals]')?.textContent === '読込 16 = 採用 15 + 除外 1');
  assert.equal(await page.locator('[data-testid=file-summary] tbody tr').count(), 4);
  await context.close();
});

test('a folder dropped on the drop zone is read whole, sub-folders included', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.locator('nav').getByRole('button', { name: 'データ取込' }).click();
  const zone = await page.locator('.drop-zone').boundingBox();
  const x = zone.x + zone.width / 2;
  const y = zone.y + zone.height / 2;
  // A real drag from the operating system, through the DevTools protocol: the
  // page receives a directory entry, not a file list.
  const cdp = await context.newCDPSession(page);
  // A folder of two sub-folders: copies of fixtures' cp932-broken/ (4 files)
  // and mapping/ (1 file).
  const folder = mkdtempSync(join(tmpdir(), 'shuno-drop-'));
  for (const sub of ['cp932-broken', 'mapping']) {
    cpSync(join(root, 'tests', 'fixtures', sub), join(folder, sub), { recursive: true });
  }
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  }
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=file-summary] tbody tr').length === 5, null, { timeout: 60_000 });
  const names = await page.locator('[data-testid=file-summary] tbody tr td:first-child').allInnerTexts();
  assert.ok(names.includes('progress.csv') && names.includes('offices.csv'), names.join(' '));
  await context.close();
});

test('a long problem list shows its first rows, says how many there are, and the CSV has them all', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.locator('nav').getByRole('button', { name: 'データ取込' }).click();
  const header = '事務所コード,事務所名,都道府県,地区\n';
  const bad = Array.from({ length: 250 }, (_, i) => `,名なし${i},東京都,A\n`).join('');
  const buffer = Buffer.from(header + '1,東京,東京都,A\n' + bad);
  await page.setInputFiles('[data-testid=file-input]', [{ name: 'offices.csv', mimeType: 'text/csv', buffer }]);
  await page.waitForFunction(() => document.querySelector('[data-testid=import-totals]')?.textContent === '読込 251 = 採用 1 + 除外 250');
  assert.equal(await page.locator('[data-testid=problem-list] tbody tr').count(), 200);
  assert.match(await page.innerText('[data-testid=problems-shown]'), /先頭 200 件を表示しています（全 250 件）/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-problems-csv]')]);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split(/\r?\n/);
  assert.equal(lines.length, 251, 'a header and every rejected row');
  assert.equal(download.suggestedFilename(), '除外行.csv');
  const [book] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-problems-xlsx]')]);
  assert.equal(book.suggestedFilename(), '除外行.xlsx');
  await context.close();
});
