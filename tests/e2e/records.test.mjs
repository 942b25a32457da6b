// Records in the app: contact, payment and delinquent files dropped beside the
// demo tables are computed in the worker; the page shows computed vs reported
// promoted months and the contact duty, equal to `shuno records` and
// `shuno duty` on the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, cspViolations, recordsFolder, shuno, launch } from './harness.mjs';

const env = useAppAndBrowser();
function cli(args) {
  return JSON.parse(execFileSync(shuno, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
}

test('record files give the same promoted months and overdue list as the command line', async () => {
  const dir = recordsFolder(3000);
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'データ取込' }).click();
  await page.setInputFiles('[data-testid=file-input]', readdirSync(dir).map((f) => join(dir, f)));
  await page.getByRole('button', { name: '督励記録' }).click();
  const table = cli(['records', dir, '--format', 'json']);
  const latest = new Map();
  for (const r of table.rows) latest.set(`${r.office_code}/${r.kind}`, r);
  // The demo's own records show first; wait for these files' rows.
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=records-comparison] tbody tr').length === n,
    latest.size,
    { timeout: 60_000 },
  );
  await page.locator('[data-testid=records-model] summary').click();
  assert.match(await page.innerText('[data-testid=records-model]'), /翌月末日/);
  const rows = page.locator('[data-testid=records-comparison] tbody tr');
  for (const key of ['90101/current', '90101/past1', '90205/past2', '91203/current']) {
    const [office, kind] = key.split('/');
    const row = page.locator(`[data-testid=records-comparison] tr[data-office="${office}"][data-kind="${kind}"]`);
    const computed = Number((await row.locator('[data-testid=computed]').innerText()).replace(/,/g, ''));
    assert.equal(computed, latest.get(key).promoted_months_to_date, key);
    assert.match(await row.innerText(), /[+−±]\d/, `${key} shows a difference against the progress table`);
  }
  assert.match(await page.innerText('[data-testid=payment-tally]'), /督励月数に算入 [\d,]+/);
  await screenshot(page, 'records');

  // The duty as of a chosen day equals `shuno duty --as-of`, computed by the
  // worker that read the files, from the tables it kept (no new worker, no re-read).
  let workers = 0;
  page.on('worker', () => (workers += 1));
  await page.fill('[data-testid=duty-as-of]', '2026-12-01');
  await page.dispatchEvent('[data-testid=duty-as-of]', 'change');
  const duty = cli(['duty', dir, '--as-of', '2026-12-01', '--format', 'json']);
  const expected = `督励期限を過ぎた人数: ${duty.overdue.length.toLocaleString('en-US')}`;
  await page.waitForFunction((t) => document.querySelector('[data-testid=overdue-count]')?.textContent === t, expected, { timeout: 60_000 });
  assert.equal(workers, 0, 'the files were not read again');
  const first = await page.locator('[data-testid=overdue-list] tbody tr').first().innerText();
  assert.ok(first.startsWith(duty.overdue[0].person), `${first} vs ${duty.overdue[0].person}`);

  // The office page shows the same computed figures at the settlement's as-of
  // month (period 1 ends 2027-04, the records' last month).
  await page.getByRole('button', { name: '概況' }).click();
  await page.selectOption('select:near(:text("期"))', '1');
  await page.waitForFunction(() => document.querySelector('[data-testid=settlement-heading]')?.textContent.includes('第1期'));
  await page.getByRole('button', { name: '事務所別' }).click();
  await page.selectOption('select:near(:text("事務所"))', '90101');
  await page.waitForSelector('[data-testid=office-records] tbody tr');
  const officeRows = await page.locator('[data-testid=office-records] tbody tr').allInnerTexts();
  assert.equal(officeRows.length, 3);
  await page.locator('[data-testid=office-records]').scrollIntoViewIfNeeded();
  await screenshot(page, 'office-records');
  const april = table.rows.find((r) => r.office_code === '90101' && r.kind === 'current' && r.month === '2027-04');
  assert.match(officeRows[0], new RegExp(`^現年度\\s+${april.promoted_months_to_date.toLocaleString('en-US')}\\s`));

  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rejected record row stops the computation and says where', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'データ取込' }).click();
  const contacts = '基礎年金番号,事務所コード,督励日,督励手法,結果\n9000000001,90101,2026-06-01,電話,本人接触\n123,90101,2026-06-02,電話,本人接触\n';
  await page.setInputFiles('[data-testid=file-input]', [{ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(contacts) }]);
  await page.waitForFunction(() => document.querySelector('[data-testid=import-totals]')?.textContent === '読込 2 = 採用 1 + 除外 1');
  assert.match(await page.innerText('[data-testid=problem-list]'), /contacts\.csv\s+3\s+基礎年金番号\s+123\s+基礎年金番号として読めません/);
  await page.getByRole('button', { name: '督励記録' }).click();
  await page.waitForSelector('[data-testid=records-blocked]');
  await context.close();
});

test('a worker that runs out of memory says so, and the data loaded before stays', async () => {
  // A real limit: V8 gives every Wasm memory of this browser at most 64 MB, so
  // the worker cannot hold the columns of 200,000 persons (about 100 MB).
  const browser = await launch(['--js-flags=--wasm-max-mem-pages=1024']);
  try {
    const { context, page } = await openApp(browser, env.server.url);
    const before = await page.innerText('[data-testid=settlement-table] tbody');
    await page.getByRole('button', { name: 'データ取込' }).click();
    const dir = recordsFolder(200000);
    const records = ['contacts.csv', 'payments.csv', 'delinquents.csv'].map((f) => join(dir, f));
    await page.setInputFiles('[data-testid=file-input]', records);
    const failed = await page.waitForSelector('[data-testid=import-failed]', { timeout: 60_000 });
    assert.match(await failed.innerText(), /取込処理を完了できませんでした: .+\n前に読み込んだデータはそのままです。/);
    assert.equal(await page.$('[data-testid=import-progress]'), null, 'no progress left spinning');
    await page.getByRole('button', { name: '概況' }).click();
    assert.equal(await page.innerText('[data-testid=settlement-table] tbody'), before);
    // The next import runs in a new worker, and the message goes.
    await page.getByRole('button', { name: 'データ取込' }).click();
    await page.setInputFiles('[data-testid=file-input]', records.slice(2));
    await page.waitForFunction(() => document.querySelector('[data-testid=import-totals]')?.textContent.startsWith('読込 200000 ='));
    assert.equal(await page.$('[data-testid=import-failed]'), null);
    await context.close();
  } finally {
    await browser.close();
  }
});
