// 点検・リカバリー with the demo: one 理由書 deadline and status and one
// rate-recovery n equal `shuno plan` on the same files judged on the same day;
// a filing day entered on the page changes the status and leaves only in the
// filings file; the projector's slides after the offices are this month's
// shortfalls, then exposure and where effort pays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, shuno, root } from './harness.mjs';

const env = useAppAndBrowser();

test('the inspection page agrees with shuno plan, and filing days round-trip through a file', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: '点検・リカバリー' }).click();
  await page.getByTestId('inspection').waitFor();
  // The period and as-of selects are the overview's, first in the page's controls.
  const selects = page.locator('[data-testid=inspection] .controls select');
  await selects.nth(0).selectOption('1');
  await selects.nth(1).selectOption('2026-11');
  await page.waitForFunction(() => /2026|令和8年11月/.test(document.querySelector('[data-testid=inspection-when]')?.textContent ?? ''));
  const today = await page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
  const plan = JSON.parse(
    execFileSync(shuno, ['plan', join(root, 'public', 'demo'), '--as-of', '2026-11', '--today', today, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 << 20,
    }).toString(),
  );

  // One deadline and its status: November's 理由書 (12-20 is a Sunday).
  const november = plan.months.find((m) => m.month === '2026-11');
  assert.equal(november.deadline, '2026-12-21');
  const row = page.getByTestId('month-2026-11');
  assert.equal(await row.getByTestId('deadline').innerText(), november.deadline);
  // The demo's August 理由書 was filed the day after its deadline.
  assert.match(await page.getByTestId('month-2026-08').getByTestId('status').innerText(), /期限後に提出（2026-09-25）/);

  // One n: office 90101's current-year kind to 100 % of target.
  const n = plan.rate_recovery.find((r) => r.office_code === '90101' && r.kind === 'current' && r.level_percent === 100);
  const cell = page.locator('[data-testid=rate-90101-current] td[data-level="100"]');
  assert.equal(Number((await cell.innerText()).replace(/,/g, '')), n.promoted_months_needed);
  assert.ok(n.promoted_months_needed > 0);
  await screenshot(page, 'inspection');

  // A filing day entered for November: filed, and saved in the filings file.
  await row.locator('input[type=date]').fill('2026-12-18');
  await row.locator('input[type=date]').dispatchEvent('change');
  await page.waitForFunction(() => /提出済（2026-12-18）/.test(document.querySelector('[data-testid=month-2026-11] [data-testid=status]')?.textContent ?? ''));
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-filings').click()]);
  assert.equal(file.suggestedFilename(), '理由書提出日.csv');
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  assert.match(text, /^\uFEFF対象年月,提出日\r?\n2026-05,2026-06-19\r?\n/);
  assert.match(text, /2026-11,2026-12-18\r?\n$/);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.doesNotMatch(stored, /2026-12-18/, 'filing days are never kept by the browser');

  // The projector: this month's shortfalls and deadlines.
  await page.getByRole('button', { name: '概況' }).click();
  await page.getByTestId('enter-projector').click();
  await page.getByTestId('projector').waitFor();
  // After the offices: the shortfalls, then exposure and where effort pays.
  await page.keyboard.press('End');
  await page.locator('[data-testid=current-slide] [data-testid=effort-slide]').waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-testid=current-slide] [data-testid=exposure-slide]').waitFor();
  assert.match(await page.innerText('[data-testid=current-slide]'), /すべて100％のときの委託費/);
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-testid=current-slide] [data-testid=shortfall-slide]').waitFor();
  assert.match(await page.innerText('[data-testid=current-slide]'), /提出済（2026-12-18）/);
  await screenshot(page, 'projector-shortfalls');
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the reporting calendar: a holiday Tuesday moves, and the .ics holds every deadline shown', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: '報告カレンダー' }).click();
  await page.getByTestId('reporting-calendar').waitFor();
  await page.getByTestId('calendar-from').fill('2026-09-01');
  await page.getByTestId('calendar-from').dispatchEvent('change');
  await page.getByTestId('calendar-to').fill('2026-09-30');
  await page.getByTestId('calendar-to').dispatchEvent('change');
  const rows = page.locator('[data-testid=reporting-calendar] tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=reporting-calendar] tbody tr').length === 14);
  const moved = rows.filter({ hasText: '2026-09-24' });
  assert.match(await moved.innerText(), /督励事蹟等の報告.*Ⅴ3\(1\)①.*休日のため翌営業日/s);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-ics').click()]);
  assert.match(file.suggestedFilename(), /\.ics$/);
  const ics = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 14);
  assert.match(ics, /DTSTART;VALUE=DATE:20260924/);
  await screenshot(page, 'reporting-calendar');
  assert.deepEqual(errors, []);
  await context.close();
});
