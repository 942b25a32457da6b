// 労災入札 (#15, seed 004) in the browser: the bid to write, a late payment
// across 29 February under both year bases, and a block's build-up, each
// equal to what `shuno bid-price` and `shuno clause` print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, shuno, yen } from './harness.mjs';

const env = useAppAndBrowser();

const cli = (...args) => JSON.parse(execFileSync(shuno, [...args, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());

async function figure(page, id) {
  return yen(await page.getByTestId(id).innerText());
}

test('the calculators agree with shuno bid-price and shuno clause', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  // The tender's calculators are profile C's: its app opens from the header.
  await page.getByTestId('contract-C').click();
  await page.waitForURL(/dunning\.html/);
  await page.locator('nav').getByRole('button', { name: '労災入札' }).click();
  await page.getByTestId('tender').waitFor();

  // The example, then an awkward amount at 10 %.
  assert.equal(await figure(page, 'bid_price-bid_form_amount'), 925_926);
  assert.equal(await figure(page, 'bid_price-shortcut'), 925_925);
  await page.getByTestId('bid_price-contract_amount').fill('123,456,789');
  await page.getByTestId('bid_price-tax_rate').fill('10');
  const price = cli('bid-price', '--contract-amount', '123456789', '--tax-rate', '10');
  assert.equal(await figure(page, 'bid_price-bid_form_amount'), price.bid_form_amount);
  assert.equal(await figure(page, 'bid_price-award_price'), price.award_price);

  // Late payment over 29 February 2028, both year bases.
  await page.getByTestId('late_payment-amount').fill('1000000');
  for (const basis of ['days365', 'actual']) {
    await page.getByTestId('late_payment-year_basis').selectOption(basis);
    const want = cli('clause', 'late-payment', '--amount', '1000000', '--invoice-received', '2028-01-20', '--paid', '2028-03-10',
      '--year-basis', basis === 'days365' ? '365' : 'actual');
    assert.equal(await figure(page, 'late_payment-interest'), want.interest_yen, basis);
    assert.equal(await page.getByTestId('late_payment-due_date').innerText(), want.due_date);
  }
  await page.getByTestId('late_payment-paid').fill('2028-02-30');
  await page.getByTestId('calc-late_payment').getByRole('alert').waitFor();

  // A block's build-up: its bid is its subtotal, as the CLI's.
  await page.getByTestId('buildup-block').selectOption('kanto');
  await page.getByTestId('cost-letter').fill('1200');
  await page.getByTestId('cost-phone_notice').fill('2500');
  await page.getByTestId('cost-coordinator').fill('4800000');
  await page.getByTestId('buildup-tax-rate').fill('10');
  const build = join(mkdtempSync(join(tmpdir(), 'shuno-tender-')), 'build.json');
  writeFileSync(build, JSON.stringify({
    block: 'kanto', unit_costs: { letter: 1200, phone_notice: 2500, coordinator: 4800000 },
    admin_percent: 10, tax_rate_percent: 10,
  }));
  const built = cli('bid-price', '--build', build);
  assert.equal(await figure(page, 'buildup-contract_amount'), built.contract_amount_yen);
  assert.equal(await figure(page, 'buildup-bid_form_amount'), built.bid.bid_form_amount);
  assert.equal(await figure(page, 'buildup-subtotal'), built.bid.bid_form_amount);
  await screenshot(page, 'tender');
  assert.deepEqual(errors, []);
  await context.close();
});
