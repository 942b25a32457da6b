// First view with the demo on a cold start: a fresh browser, a fresh profile,
// from navigation to the settlement table on screen, for the hosted build
// (dist/ served on loopback) and the single file (dist/shuno.html from disk).
//
//   node tests/bench/first-view.mjs [runs]     (after scripts/build-app.sh)
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { serveDist, launch, dist } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 5);
const server = await serveDist();
const targets = [
  ['hosted (dist/, loopback)', `${server.url}/`],
  ['single file (file://)', pathToFileURL(join(dist, 'shuno.html')).href],
];
for (const [name, url] of targets) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = performance.now();
    await page.goto(url);
    await page.waitForSelector('[data-testid=settlement-table] tbody tr', { timeout: 60_000 });
    times.push(performance.now() - started);
    await browser.close();
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${times[Math.floor(runs / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)}, max ${times[runs - 1].toFixed(0)} (${runs} cold starts)`);
}
await server.close();
