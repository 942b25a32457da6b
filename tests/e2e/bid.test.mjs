// 入札試算 (#15) in the browser: a demo bid's P5/P50/P95 equal what `shuno
// bid-sim` gives for the file the page saves; a long job can be cancelled; the
// issue's size (100 offices × 3 kinds × 3 periods, 10,000 runs) runs in the
// bid worker while the page stays responsive, its time logged for
// docs/bench.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, shuno, root, yen } from './harness.mjs';

const env = useAppAndBrowser();

async function openBid(page) {
  await page.getByRole('button', { name: '入札試算' }).click();
  await page.getByTestId('bid').waitFor();
}

async function figure(page, id) {
  return yen(await page.getByTestId(id).innerText());
}

test('a demo bid in the browser gives what shuno bid-sim gives for the saved file', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await openBid(page);
  await page.getByTestId('bid-runs').fill('3000');
  await page.getByTestId('bid-runs').dispatchEvent('change');
  await page.getByTestId('bid-seed').fill('42');
  await page.getByTestId('bid-seed').dispatchEvent('change');
  await page.getByTestId('bid-run').click();
  await page.getByTestId('bid-results').waitFor({ timeout: 60_000 });
  const shown = {};
  for (const q of ['mean', 'p5', 'p50', 'p95', 'fee']) shown[q] = await figure(page, `bid-${q}-total`);
  assert.ok(shown.p5 <= shown.p50 && shown.p50 <= shown.p95, JSON.stringify(shown));
  assert.ok((await page.getByTestId('bid-drivers').locator('tbody tr').count()) > 0);
  await page.getByTestId('bid-histogram').waitFor();
  await screenshot(page, 'bid-demo');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bid-save').click()]);
  assert.equal(download.suggestedFilename(), 'bid.json');
  const saved = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
  assert.equal(saved.runs, 3000);
  assert.equal(saved.seed, 42);
  const file = join(mkdtempSync(join(tmpdir(), 'shuno-bid-')), 'bid.json');
  writeFileSync(file, JSON.stringify({ ...saved, data: join(root, 'public', 'demo') }));
  const cli = JSON.parse(
    execFileSync(shuno, ['bid-sim', file, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
  );
  assert.deepEqual(
    { mean: cli.total.mean, p5: cli.total.p5, p50: cli.total.p50, p95: cli.total.p95, fee: cli.total.fee_yen },
    shown,
  );

  // The saved file opens again in the form.
  await page.getByTestId('bid-runs').fill('5');
  await page.getByTestId('bid-runs').dispatchEvent('change');
  await page.getByTestId('bid-open').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-testid=bid-runs]').value === '3000');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long bid can be cancelled, and a field that does not read is named', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await openBid(page);
  await page.getByTestId('bid-runs').fill('1000000');
  await page.getByTestId('bid-runs').dispatchEvent('change');
  await page.getByTestId('bid-run').click();
  await page.getByTestId('bid-progress').waitFor();
  await page.getByTestId('bid-cancel').click();
  await page.getByTestId('bid-progress').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('bid-results').count(), 0);
  assert.ok(await page.getByTestId('bid-run').isEnabled());

  await page.getByTestId('bid-mean').fill('百');
  await page.getByTestId('bid-mean').dispatchEvent('change');
  await page.getByTestId('bid-run').click();
  const said = await page.getByTestId('bid-errors').innerText();
  assert.match(said, /平均.*百/);
  await context.close();
});

test('10,000 runs over 100 offices × 3 kinds × 3 periods in the worker, the page responsive', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await openBid(page);
  await page.getByTestId('bid-source-synthetic').check();
  for (const p of [2, 3]) await page.getByTestId(`bid-period-${p}`).check();
  await page.getByTestId('bid-run').click();
  // The page answers a frame while the worker runs.
  await page.getByTestId('bid-progress').waitFor();
  const frame = await page.evaluate(async () => {
    const t = performance.now();
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t;
  });
  assert.ok(frame < 250, `a frame took ${frame} ms during the run`);
  await page.getByTestId('bid-results').waitFor({ timeout: 60_000 });
  const took = Number((await page.getByTestId('bid-elapsed').innerText()).replace(/[^0-9]/g, ''));
  console.log(`bench bid-sim browser: 10,000 runs × 100 offices × 3 kinds × 3 periods in ${took} ms (frame during the run ${frame.toFixed(0)} ms)`);
  assert.match(await page.locator('.bid-results h2').innerText(), /10000 回試行・シード 1・第1・2・3期/);
  assert.equal(await figure(page, 'bid-fee-total'), 3 * 300_000_000);
  await screenshot(page, 'bid-synthetic');
  assert.deepEqual(errors, []);
  await context.close();
});
