// Dashboard and projector mode with the demo data: every page opens, scope and
// sort work, the projector steps through slides with the keys a clicker sends,
// screenshots at projector and full-HD sizes, and chart draw times are recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { useAppAndBrowser, openApp, screenshot, artifacts, cspViolations } from './harness.mjs';

const SIZES = [
  [1024, 768],
  [1920, 1080],
];

const env = useAppAndBrowser();

test('overview: scope, sort and totals of the selection', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.selectOption('select:near(:text("並び順"))', 'code');
  const codes = await page.locator('[data-testid=settlement-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.office));
  assert.deepEqual(codes, [...codes].sort());
  await page.selectOption('select:near(:text("対象"))', { label: '群馬県' });
  const rows = await page.locator('[data-testid=settlement-table] tbody tr').count();
  assert.equal(rows, 5);
  assert.match(await page.innerText('tfoot'), /合計 \(5 事務所\)/);
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `overview-gunma-${w}x${h}`);
  }
  await context.close();
});

test('every page opens and charts record their draw time', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  const times = {};
  await page.getByRole('button', { name: '事務所別' }).click();
  await page.waitForSelector('[data-testid=waterfall-canvas][data-draw-ms]');
  assert.match(await page.innerText('[data-testid=office-heading]'), /^\d+ .+年金事務所 · 第3期 · 基準月 令和11年4月$/);
  const buildUp = await page.innerText('[data-testid=build-up-table]');
  assert.match(buildUp, /基本額[\s\S]*達成増減[\s\S]*口座振替[\s\S]*事故減額[\s\S]*合計/);
  assert.equal(await page.locator('[data-testid=trajectory-canvas]').count(), 3);
  assert.ok((await page.locator('[data-testid=activity-canvas]').count()) >= 1);
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(200);
    await screenshot(page, `office-${w}x${h}`);
  }
  // Re-draw on a selection change: a different office.
  const second = await page.locator('select:near(:text("事務所")) option').nth(1).getAttribute('value');
  await page.selectOption('select:near(:text("事務所"))', second);
  await page.waitForFunction((code) => document.querySelector('[data-testid=office-heading]')?.textContent.startsWith(code), second);
  times.office = await page.locator('canvas[data-draw-ms]').evaluateAll((cs) => cs.map((c) => Number(c.dataset.drawMs)));

  await page.getByRole('button', { name: '増減額の規則' }).click();
  await page.waitForSelector('[data-testid=curve-canvas]');
  await page.selectOption('select', { index: 0 }).catch(() => {});
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `rule-${w}x${h}`);
  }
  assert.ok(await page.locator('.curve-table tbody tr').count() >= 9, 'the chart has its numbers in a table');
  await mkdir(artifacts, { recursive: true });
  await writeFile(join(artifacts, 'draw-times.json'), JSON.stringify(times, null, 2));
  const all = times.office;
  console.log(`chart draw times (ms) on an office change: max ${Math.max(...all).toFixed(2)}, mean ${(all.reduce((a, b) => a + b, 0) / all.length).toFixed(2)} over ${all.length} charts`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('projector: enter, step three offices with the arrow keys, leave with Esc', async () => {
  for (const [w, h] of SIZES) {
    const { context, page, errors } = await openApp(env.browser, env.server.url, { width: w, height: h });
    await page.getByTestId('enter-projector').click();
    const projector = page.getByTestId('projector');
    await projector.waitFor();
    const counter = () => page.locator('[data-testid=current-slide] [data-testid=slide-counter]').innerText();
    const first = await counter();
    const [, total] = first.match(/^1 \/ (\d+)$/);
    assert.ok(Number(total) > 3);
    const footer = await page.innerText('[data-testid=current-slide] .slide-footer');
    assert.match(footer, /第3期 · 基準月 令和11年4月/);
    // Every slide's table: 12 rows at most, figures at 24 px or more.
    const tables = await page.$$eval('.slide .slide-table', (all) =>
      all.map((t) => ({
        rows: t.querySelectorAll('tbody tr').length,
        px: Math.min(...[...t.querySelectorAll('td')].map((td) => parseFloat(getComputedStyle(td).fontSize))),
      })),
    );
    assert.ok(tables.length > 3);
    for (const t of tables) {
      assert.ok(t.rows <= 12, `${t.rows} rows on a slide`);
      if (w === 1024) assert.ok(t.px >= 24, `figures at ${t.px} px`);
    }
    // The first slide's rows are all on screen, none cut off at the bottom.
    const cut = await page.$eval('[data-testid=current-slide]', (slide) => {
      const bottom = slide.querySelector('.slide-body').getBoundingClientRect().bottom;
      return [...slide.querySelectorAll('.slide-table tr')].filter((r) => r.getBoundingClientRect().bottom > bottom + 1).length;
    });
    assert.equal(cut, 0, `${cut} rows cut off at ${w}×${h}`);
    // The deck ends with exposure and where effort pays.
    assert.equal(await page.locator('.slide [data-testid=exposure-slide]').count(), 1);
    assert.equal(await page.locator('.slide [data-testid=effort-slide]').count(), 1);
    await screenshot(page, `projector-overview-${w}x${h}`);
    // More than 12 offices: the overview goes on as many slides as it takes.
    const title = () => page.innerText('[data-testid=current-slide] .slide-title');
    const pages = Number((await title()).match(/\((\d+)\/(\d+)\)$/)?.[2] ?? 1);
    for (let p = 2; p <= pages; p++) {
      await page.keyboard.press('ArrowRight');
      assert.match(await title(), new RegExp(`\\(${p}/${pages}\\)$`));
    }
    for (const step of [pages + 1, pages + 2, pages + 3]) {
      await page.keyboard.press('ArrowRight');
      assert.equal(await counter(), `${step} / ${total}`);
      assert.match(await title(), /^\d+ .+年金事務所$/);
      await screenshot(page, `projector-slide${step}-${w}x${h}`);
    }
    await page.keyboard.press('PageUp');
    assert.equal(await counter(), `${pages + 2} / ${total}`);
    await page.keyboard.press('PageDown');
    assert.equal(await counter(), `${pages + 3} / ${total}`);
    if (w === 1920) {
      // The print style sheet gives one slide a page: the meeting pack.
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      await writeFile(join(artifacts, 'meeting-pack.pdf'), pdf);
      assert.equal(pages, Number(total), `${pages} PDF pages for ${total} slides`);
    }
    await page.keyboard.press('Escape');
    await projector.waitFor({ state: 'detached' });
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
