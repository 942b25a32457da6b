// The call centre (#16, seed 003) in the browser: the contract chosen in the
// header and remembered; the running month's pace equal to `shuno pace` on the
// same files at two days; the shortfall warning; quality, the reports (the CSV
// equal to `shuno call-report`) and the deadlines; the meeting's slides; a bad
// file's rows listed and nothing counted. Screenshots of each page and slide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, shuno, root } from './harness.mjs';

const env = useAppAndBrowser();
const demo = join(root, 'public', 'demo', 'call-centre');
const count = (text) => Number(text.replace(/[,\s]/g, ''));

function pace(asOf) {
  const out = execFileSync(shuno, ['pace', demo, '--as-of', asOf, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.toString());
}

async function shownPace(page) {
  const figure = async (id) => count(await page.getByTestId(id).innerText());
  const needed = (await page.getByTestId('cc-needed-per-day').innerText()).trim();
  return {
    open_days_total: await figure('cc-open-days-total'),
    open_days_left: await figure('cc-open-days-left'),
    calls_target: await figure('cc-calls-target'),
    calls_done: await figure('cc-calls-done'),
    calls_needed_per_open_day: needed === '–' ? null : count(needed),
  };
}

async function openCallCentre(browser, url) {
  const opened = await openApp(browser, url);
  await opened.page.getByTestId('contract-B').click();
  await opened.page.getByTestId('cc-status').waitFor({ timeout: 60_000 });
  return opened;
}

test('the pace on the page is what shuno pace gives, and the warning says report now', async () => {
  const { context, page, errors } = await openCallCentre(env.browser, env.server.url);
  await page.getByTestId('cc-demo-badge').waitFor();
  const { month, ...want } = pace('2026-11-18');
  assert.equal(month, '2026-11');
  assert.deepEqual(await shownPace(page), want);
  assert.match(await page.getByTestId('cc-status').innerText(), /直ちに報告/);
  assert.equal(await page.getByTestId('cc-months').locator('tbody tr').count(), 8);
  await screenshot(page, 'call-centre-progress');

  // Another day, typed: the figures follow and still equal the CLI's.
  await page.getByTestId('cc-as-of').fill('2026-11-04');
  await page.getByTestId('cc-as-of').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('[data-testid=cc-as-of]').value === '2026-11-04');
  const { month: _, ...then } = pace('2026-11-04');
  await page.waitForFunction((left) => document.querySelector('[data-testid=cc-open-days-left]').innerText.trim() === String(left), then.open_days_left);
  assert.deepEqual(await shownPace(page), then);

  // More lines lift the warning on the 4th (the CLI agrees with the same setting).
  await page.getByTestId('cc-lines').fill('4');
  await page.getByTestId('cc-lines').dispatchEvent('change');
  await page.waitForFunction(() => !document.querySelector('[data-testid=cc-status]').innerText.includes('直ちに'));

  // The choice is remembered: the start page opens the call centre's app.
  await page.goto(env.server.url);
  await page.waitForURL(/call-centre\.html/);
  await page.getByTestId('cc-status').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('contract-B').getAttribute('aria-pressed'), 'true');
  // And back: choosing the pension contract opens its app, remembered too.
  await page.getByTestId('contract-A').click();
  await page.waitForSelector('[data-testid=settlement-table] tbody tr', { timeout: 60_000 });
  await page.goto(env.server.url);
  await page.waitForSelector('[data-testid=settlement-table] tbody tr', { timeout: 60_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('quality, the reports with their CSV, the deadlines and the slides', async () => {
  const { context, page, errors } = await openCallCentre(env.browser, env.server.url);
  await page.getByRole('button', { name: '品質' }).click();
  await page.getByTestId('cc-rates').locator('tbody tr').first().waitFor();
  assert.equal(await page.getByTestId('cc-rates').locator('tbody tr').count(), 9);
  assert.equal(await page.getByTestId('cc-language-gaps').locator('li').count(), 2);
  await screenshot(page, 'call-centre-quality');

  await page.getByRole('button', { name: '報告・期限' }).click();
  await page.getByTestId('cc-report-table').waitFor();
  assert.equal(await page.getByTestId('cc-report-table').locator('tbody tr').count(), 9);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cc-report-csv').click()]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  const cli = execFileSync(shuno, ['call-report', demo, '--as-of', '2026-11-18'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  assert.equal(csv, cli);
  assert.ok((await page.getByTestId('cc-deadlines').locator('tr').count()) >= 3);
  await page.getByTestId('cc-report-day').fill('5');
  await page.getByTestId('cc-report-day').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('[data-testid=cc-deadlines]').innerText.includes('月報'));
  await page.getByTestId('cc-report-daily').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cc-report-table] tbody tr').length > 100);
  await screenshot(page, 'call-centre-reports');

  await page.getByRole('button', { name: '進捗・ペース' }).click();
  await page.getByTestId('cc-enter-projector').click();
  await page.getByTestId('projector').waitFor();
  for (let i = 1; i <= 4; i++) {
    assert.match(await page.getByTestId('current-slide').innerText(), new RegExp(`${i} / 4`));
    await screenshot(page, `call-centre-slide-${i}`);
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('projector').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file with a bad row is listed and nothing is counted', async () => {
  const { context, page, errors } = await openCallCentre(env.browser, env.server.url);
  const dir = mkdtempSync(join(tmpdir(), 'shuno-cc-'));
  for (const f of ['daily_log.csv', 'monthly_targets.csv']) copyFileSync(join(demo, f), join(dir, f));
  writeFileSync(join(dir, 'sunday_openings.csv'), '日付\n2026-04-12\n2026-04-13\n');
  await page.getByTestId('cc-files').setInputFiles(['daily_log.csv', 'monthly_targets.csv', 'sunday_openings.csv'].map((f) => join(dir, f)));
  await page.getByTestId('cc-blocked').waitFor({ timeout: 30_000 });
  const listed = await page.getByTestId('problem-list').innerText();
  assert.match(listed, /sunday_openings\.csv/);
  assert.match(listed, /2026-04-13/);
  assert.equal(await page.getByTestId('cc-status').count(), 0);
  assert.equal(await page.getByTestId('cc-demo-badge').count(), 0);
  await screenshot(page, 'call-centre-refused');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a call-centre folder loaded for the pension contract says so and opens the call centre', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.locator('nav').getByRole('button', { name: 'データ取込' }).click();
  const files = ['daily_log.csv', 'monthly_targets.csv', 'sunday_openings.csv'].map((f) => join(demo, f));
  await page.setInputFiles('[data-testid=file-input]', files);
  await page.getByTestId('other-contract').waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('other-contract').innerText(), /コールセンター/);
  await page.getByTestId('open-other-contract').click();
  await page.waitForURL(/call-centre\.html/);
  await page.getByTestId('cc-files').setInputFiles(files);
  await page.waitForFunction(() => !document.querySelector('[data-testid=cc-demo-badge]'), null, { timeout: 60_000 });
  await page.getByTestId('cc-status').waitFor({ timeout: 60_000 });
  const { month, ...want } = pace('2026-11-18');
  assert.deepEqual(await shownPace(page), want);
  assert.deepEqual(errors, []);
  await context.close();
});
