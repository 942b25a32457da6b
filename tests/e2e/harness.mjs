// Shared set-up for the end-to-end tests: a static server for dist/ on loopback
// and Debian's headless Chromium driven by playwright-core. No mocks: the real
// release build, the real browser, real files.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { mkdirSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(root, 'dist');
export const artifacts = join(root, 'target', 'e2e');
/** The release command line, built before the end-to-end tests run. */
export const shuno = join(root, 'target', 'release', 'shuno');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.md': 'text/markdown',
  '.webmanifest': 'application/manifest+json',
};

/** Every file of the build, relative to dist/ (`demo/fees.csv`). */
export function distFiles(dir = dist, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? distFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Serves dist/ on 127.0.0.1 at a free port; resolves to { url, close }. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dist, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches Debian's Chromium headless with the flags this machine needs, and `extra`. */
export async function launch(extra = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      ...extra,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Opens the app and waits until the demo settlement is on screen. */
export async function openApp(browser, url, viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'ja-JP' });
  // Every Content-Security-Policy violation (an attempt the policy refused) is
  // recorded, so a blocked attempt to reach another origin still fails a test.
  await context.addInitScript(() => {
    if (typeof document === 'undefined') return; // workers have no document
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector('[data-testid=settlement-table] tbody tr', { timeout: 60_000 });
  return { context, page, errors };
}

/** The policy violations the page has seen so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

/** "-¥1,234" → -1234 */
export function yen(text) {
  const t = text.trim();
  const n = Number(t.replace(/[¥,\-]/g, ''));
  return t.startsWith('-') ? -n : n;
}

/** Starts the server and the browser before a file's tests and stops them after:
 *  `const env = useAppAndBrowser();` then `env.server.url`, `env.browser`. */
export function useAppAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await serveDist();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A folder with the demo tables (not the demo's own records) and
 *  `shuno bench-data` records of `persons` persons (synthetic pension numbers). */
export function recordsFolder(persons) {
  const dir = join(artifacts, `records-${persons}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(shuno, ['bench-data', '--persons', String(persons), '--out', dir, '--seed', '3'], { stdio: 'ignore' });
  const demo = join(root, 'public', 'demo');
  for (const f of readdirSync(demo).filter((f) => f.endsWith('.csv') && !f.includes('.synthetic.'))) copyFileSync(join(demo, f), join(dir, f));
  return dir;
}
