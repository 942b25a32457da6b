// Links into the app: the URL's fragment names the page, the office and the
// slide, follows the app as the user moves, and opens the same place when the
// link is opened again (a bookmark, a link in a mail) or the browser goes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAppAndBrowser, openApp } from './harness.mjs';

const env = useAppAndBrowser();

test('the fragment follows the app and the app follows the fragment', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  assert.equal(new URL(page.url()).hash, '#/overview');
  await page.getByRole('button', { name: '増減額の規則' }).click();
  assert.equal(new URL(page.url()).hash, '#/rule');

  // A link to an office, followed in the open page.
  await page.goto(`${env.server.url}#/office/90102`);
  await page.waitForSelector('[data-testid=office-heading]');
  assert.match(await page.innerText('[data-testid=office-heading]'), /^90102 /);
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/rule');
  assert.equal(await page.locator('[data-testid=office-heading]').count(), 0);

  // A link to a slide, opened in a new tab.
  const tab = await context.newPage();
  await tab.goto(`${env.server.url}#/slides/3`);
  const counter = tab.locator('[data-testid=current-slide] [data-testid=slide-counter]');
  await counter.waitFor({ timeout: 60_000 });
  assert.match(await counter.innerText(), /^3 \/ \d+$/);
  await tab.keyboard.press('ArrowRight');
  await tab.waitForFunction(() => location.hash === '#/slides/4');
  await tab.keyboard.press('Escape');
  await tab.waitForFunction(() => location.hash === '#/overview');
  assert.deepEqual(errors, []);
  await context.close();
});
