// もしも試算 with the demo: a change typed in the scenario table moves an
// office's fee and the district total exactly as `shuno whatif` does with the
// scenario file the page saves; the file opens again as a scenario; a
// rate-recovery level opens as a scenario in one click.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, shuno, root } from './harness.mjs';

const env = useAppAndBrowser();

/** "¥1,234 ⚠", "-¥1,234", "+1,234", "−1,234" (U+2212) → a number. */
function figure(text) {
  const t = text.trim();
  const n = Number(t.replace(/[^0-9]/g, ''));
  return /^[-−]/.test(t) ? -n : n;
}

async function fee(page, key, column) {
  return figure(await page.locator(`[data-testid=whatif-compare] tr[data-key="${key}"] td`).nth(column).innerText());
}

test('an override typed in the table agrees with shuno whatif on the saved scenario file', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'もしも試算' }).click();
  await page.getByTestId('whatif').waitFor();
  await page.getByTestId('scenario-new').click();
  await page.getByTestId('scenario-name').fill('90101に120か月');
  await page.getByTestId('add-promoted_months_added').click();
  const line = page.locator('.scenario-lines tbody tr').first();
  const offices = line.getByTestId('line-offices');
  await offices.selectOption(await offices.evaluate((s) => [...s.options].find((o) => o.text.startsWith('90101 ')).value));
  await line.getByTestId('line-kind').selectOption('current');
  await line.getByTestId('line-value').pressSequentially('120');
  const office = page.locator('[data-testid=whatif-compare] tr[data-key="90101"]');
  await office.waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scenario-download').click()]);
  assert.equal(download.suggestedFilename(), '90101に120か月.json');
  const json = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  assert.deepEqual(JSON.parse(json), {
    name: '90101に120か月',
    adjust: [{ office_code: '90101', kind: 'current', promoted_months_added: 120 }],
  });
  const file = join(mkdtempSync(join(tmpdir(), 'shuno-whatif-')), 'scenario.json');
  writeFileSync(file, json);
  const cli = JSON.parse(
    execFileSync(shuno, ['whatif', join(root, 'public', 'demo'), '--scenario', file, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 << 20,
    }).toString(),
  );
  const settled = cli.offices.find((o) => o.office_code === '90101');
  // Columns: baseline, scenario 1, its difference.
  assert.equal(await fee(page, '90101', 1), settled.total_yen);
  const district = cli.districts.find((d) => d.district === settled.district);
  assert.equal(await fee(page, settled.district, 1), district.total_yen);
  const difference = await fee(page, '90101', 2);
  assert.ok(difference > 0, `120 more months earn more: ${difference}`);
  assert.equal(await fee(page, '90101', 0) + difference, settled.total_yen);

  // A value that is not a number is said, and the scenario is left without it.
  await line.getByTestId('line-value').fill('百');
  await page.getByTestId('scenario-errors').waitFor();
  assert.equal(await page.locator('[data-testid=whatif-compare] tr[data-key="90101"]').count(), 0);
  await line.getByTestId('line-value').fill('120');
  await office.waitFor();

  // The saved file opens again as a second scenario with the same figures.
  await page.getByTestId('scenario-load').setInputFiles(file);
  await page.getByTestId('scenario-tab-2').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=whatif-compare] tr[data-key="90101"] td').length === 5);
  assert.equal(await fee(page, '90101', 3), settled.total_yen);

  // The exposure waterfall adds up to the fee it explains.
  const steps = await page.locator('[data-testid=exposure-table] td').allInnerTexts();
  const figures = steps.map(figure);
  const last = figures.length - 2; // the fee; then the sum at stake
  assert.equal(figures.slice(0, last).reduce((a, b) => a + b, 0), figures[last]);
  assert.equal(figures[last], cli.offices.reduce((a, o) => a + o.total_yen, 0) - difference);
  await screenshot(page, 'whatif');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rate-recovery level opens as a scenario in one click', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: '点検・リカバリー' }).click();
  await page.getByTestId('rate-recovery').waitFor();
  await page.locator('[data-testid=rate-90101-current] td[data-level="110"] button').click();
  await page.getByTestId('whatif').waitFor();
  assert.match(await page.getByTestId('scenario-tab-1').innerText(), /90101 現年度 110%/);
  assert.equal(await page.getByTestId('line-value').inputValue(), '110');
  await page.locator('[data-testid=whatif-compare] tr[data-key="90101"]').waitFor();
  assert.ok((await fee(page, '90101', 2)) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("dragging an office's marker along the curve sets its ratio in a scenario", async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'もしも試算' }).click();
  await page.getByTestId('whatif-curve').waitFor();
  await page.getByTestId('curve-office').selectOption('90101');
  await page.getByTestId('curve-kind').selectOption('current');
  const canvas = page.getByTestId('whatif-curve-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // The plot spans 60–140 % between the y labels (96 px) and the margin (24 px).
  const at = (percent) => box.x + 96 + ((percent - 60) / 80) * (box.width - 120);
  const y = box.y + box.height / 2;
  await page.mouse.move(at(100), y);
  await page.mouse.down();
  await page.mouse.move(at(105), y, { steps: 5 });
  await page.mouse.move(at(110), y, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId('scenario-tab-1').waitFor();
  const values = await page.getByTestId('line-value').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.equal(values.length, 1, 'one line, changed in place as the marker moves');
  assert.ok(Math.abs(Number(values[0]) - 110) <= 0.3, `dragged to ${values[0]} %`);
  assert.equal(await page.getByTestId('line-change').first().inputValue(), 'ratio_percent');
  await page.locator('[data-testid=whatif-compare] tr[data-key="90101"]').waitFor();
  await screenshot(page, 'whatif-curve');
  assert.deepEqual(errors, []);
  await context.close();
});
