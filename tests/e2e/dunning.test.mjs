// The dunning blocks (#17, seed 004) in the browser: the contract chosen in
// the header opens its own app; the duty list row for row as `shuno duties`
// prints it on the same files and day, also under a switch; progress against
// the caps as `shuno caps`; the result codes; the reports (the CSV equal to
// `shuno dunning-report`); the settlement's lines as `shuno clause
// settlement-lines`; a slide per block. Screenshots of each page and slide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, shuno, root, yen } from './harness.mjs';

const env = useAppAndBrowser();
const demo = join(root, 'public', 'demo', 'dunning');
const cli = (...args) => execFileSync(shuno, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();

async function openDunning(browser, url) {
  const opened = await openApp(browser, url);
  await opened.page.getByTestId('contract-C').click();
  await opened.page.waitForURL(/dunning\.html/);
  await opened.page.getByTestId('dn-demo-badge').waitFor({ timeout: 60_000 });
  await opened.page.locator('[data-testid^=dn-caps-]').first().waitFor({ timeout: 60_000 });
  return opened;
}

/// The duty list as shown: [debt_id, rule, due, done] per row.
async function shownDuties(page) {
  return page.getByTestId('dn-duty-list').locator('tbody tr').evaluateAll((rows) => rows.map((tr) => {
    const cells = [...tr.children].map((c) => c.innerText.trim());
    const day = (t) => (t === '–' ? null : t);
    return [cells[0], tr.className.split(' ')[0], day(cells[3]), day(cells[4])];
  }));
}

function cliDuties(asOf, ...switches) {
  const found = JSON.parse(cli('duties', demo, '--as-of', asOf, '--format', 'json', ...switches));
  return found.map((f) => [f.debt_id, f.rule, f.due, f.done]);
}

test('the duty list is what shuno duties gives, under the switches too', async () => {
  const { context, page, errors } = await openDunning(env.browser, env.server.url);
  const asOf = await page.getByTestId('dn-as-of').inputValue();
  // Progress: the worked counts per block equal `shuno caps`.
  const caps = JSON.parse(cli('caps', demo, '--format', 'json'));
  for (const block of caps.filter((b) => b.caps.some((c) => c.worked > 0))) {
    const rows = page.getByTestId(`dn-caps-${block.block}`).locator('tbody tr');
    assert.equal(await rows.count(), block.caps.length);
    for (let i = 0; i < block.caps.length; i++) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      assert.equal(Number(cells[0].replace(/,/g, '')), block.caps[i].worked, `${block.block} line ${i}`);
    }
  }
  await screenshot(page, 'dunning-progress');

  await page.locator('nav').getByRole('button', { name: '期限点検' }).click();
  await page.getByTestId('dn-duty-list').waitFor();
  // The CLI writes ISO days: the page's date style to 西暦 (it starts in 和暦).
  await page.getByRole('button', { name: '西暦', exact: true }).click();
  await page.waitForFunction(() => /\d{4}-\d{2}-\d{2}/.test(document.querySelector('[data-testid=dn-duty-list] tbody').innerText));
  const want = cliDuties(asOf);
  assert.ok(want.length >= 7, 'the demo breaks every rule');
  assert.deepEqual(await shownDuties(page), want);
  assert.ok(await page.getByTestId('dn-rules').locator('li').count() === 7);
  await screenshot(page, 'dunning-duties');

  // The switch for day 7: the list follows and still equals the CLI's.
  const early = cliDuties(asOf, '--first-call-day', '7');
  assert.notEqual(early.length, want.length);
  await page.getByTestId('dn-first-call-day').selectOption('7');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=dn-duty-list] tbody tr').length === n, early.length);
  assert.deepEqual(await shownDuties(page), early);
  assert.match(await page.getByTestId('dn-switches').innerText(), /: 7/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('result codes, the reports with their CSV, the settlement and a slide per block', async () => {
  const { context, page, errors } = await openDunning(env.browser, env.server.url);
  const asOf = await page.getByTestId('dn-as-of').inputValue();
  await page.locator('nav').getByRole('button', { name: '結果コード' }).click();
  await page.getByTestId('dn-code-counts').waitFor();
  assert.ok((await page.getByTestId('dn-code-counts').locator('tbody tr').count()) > 0);
  assert.ok((await page.getByTestId('dn-rates').locator('tbody tr').count()) >= 2);
  await screenshot(page, 'dunning-codes');

  await page.locator('nav').getByRole('button', { name: '報告', exact: true }).click();
  await page.getByTestId('dn-report-dues').waitFor();
  const block = await page.getByTestId('dn-report-block').inputValue();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dn-report-csv').click()]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  assert.equal(csv, cli('dunning-report', demo, '--block', block, '--month', asOf.slice(0, 7), '--period', 'monthly'));
  await page.getByTestId('dn-period-quarterly').click();
  await page.waitForFunction((id) => document.querySelectorAll(`[data-testid=${id}] tbody tr`).length === 3 * 5 + 5, `dn-report-${block}`);
  await screenshot(page, 'dunning-reports');

  await page.locator('nav').getByRole('button', { name: '精算', exact: true }).click();
  await page.getByTestId('calc-settlement_lines').waitFor();
  const lines = JSON.parse(cli('clause', 'settlement-lines', '--caps', '80000000', '20000000', '8000000',
    '--spend', '82500000', '14800000', '7784000', '--move-to-project', '3000000', '--format', 'json'));
  assert.equal(yen(await page.getByTestId('settlement_lines-settled').innerText()), lines.settled);
  assert.equal(yen(await page.getByTestId('settlement_lines-project_difference').innerText()), lines.difference[0]);
  await screenshot(page, 'dunning-money');
  await page.getByTestId('dn-tender-link').click();
  await page.getByTestId('tender').waitFor();

  await page.locator('nav').getByRole('button', { name: '進捗', exact: true }).click();
  await page.getByTestId('dn-enter-projector').click();
  await page.getByTestId('projector').waitFor();
  const total = Number((await page.getByTestId('slide-counter').first().innerText()).split('/')[1]);
  assert.ok(total >= 2, 'a slide per block with debts');
  for (let i = 1; i <= total; i++) {
    assert.match(await page.getByTestId('current-slide').innerText(), new RegExp(`${i} / ${total}`));
    assert.match(await page.getByTestId('current-slide').innerText(), /ブロック/);
    await screenshot(page, `dunning-slide-${i}`);
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('projector').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
