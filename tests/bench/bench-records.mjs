// The record-engine benchmark: synthetic records (`shuno bench-data`) of N
// persons, the same CSV bytes in memory given to Shūnō's import worker and to
// DuckDB-Wasm in headless Chromium, each in a fresh browser. The two tables are
// compared first; a difference stops the benchmark. Native `shuno records` is
// timed on the same files. Writes target/bench/records.json.
//
//   node tests/bench/bench-records.mjs [N,N,…] [repetitions] [engines]
//
// `engines` (default Shuno,Duckdb,ShunoBlob) picks what runs: the per-tab
// limit is measured with `… 1600000,3200000 1 ShunoBlob`, the way the app
// reads files the user chose (DuckDB is then not compared).
import { createServer } from 'node:http';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'target', 'bench');
const shuno = join(root, 'target', 'release', 'shuno');
const sizes = (process.argv[2] ?? '100000,400000').split(',').map(Number);
const reps = Number(process.argv[3] ?? 3);
const engines = (process.argv[4] ?? 'Shuno,Duckdb,ShunoBlob').split(',');
const compared = engines.includes('Shuno') && engines.includes('Duckdb');

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.csv': 'text/csv' };
const mounts = { '/app/': join(root, 'dist'), '/bench/': join(root, 'tests', 'bench'), '/data/': out };

function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    const file = prefix && normalize(join(mounts[prefix], path.slice(prefix.length)));
    if (!file || !file.startsWith(mounts[prefix])) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Peak resident memory (VmHWM) of the browser's renderer processes, in bytes. */
function rendererPeak(browserPid) {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)[1]);
      const ancestors = new Set([ppid, Number(readFileSync(`/proc/${ppid}/status`, 'utf8').match(/PPid:\s+(\d+)/)[1])]);
      if (!ancestors.has(browserPid)) continue;
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) * 1024);
    } catch {
      // The process ended while being read.
    }
  }
  return peak;
}

async function inBrowser(url, folder, engine) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}/bench/records.html`);
    await page.waitForFunction(() => document.getElementById('status').textContent === 'ready');
    const bytes = await page.evaluate((f) => window.load(f), folder);
    const [name, argument] = engine === 'ShunoBlob' ? ['Shuno', 'true'] : [engine, ''];
    await page.evaluate(`window.prepare${name}()`);
    const result = await page.evaluate(`window.run${name}(${argument})`);
    const browserPid = browser.process?.()?.pid;
    result.rendererPeakBytes = rendererPeak(browserPid ?? findBrowserPid());
    result.inputBytes = bytes;
    if (errors.length) throw new Error(errors.join('\n'));
    return result;
  } finally {
    await browser.close();
  }
}

/** playwright-core's chromium.launch keeps the process private: find it by its flags. */
function findBrowserPid() {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const browsers = pids.filter((p) => {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      return cmd.startsWith('/usr/lib/chromium/chromium') && !cmd.includes('--type=');
    } catch {
      return false;
    }
  });
  return Number(browsers.at(-1));
}

/** A folder holding only the two files the table is computed from (links). */
function tableInput(dir) {
  const only = join(dir, 'table');
  if (!existsSync(only)) {
    mkdirSync(only);
    for (const f of ['contacts.csv', 'payments.csv']) symlinkSync(join(dir, f), join(only, f));
  }
  return only;
}

/** Lines of a file, counted a chunk at a time (a file may be larger than a string can be). */
function lines(path) {
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 24);
  let n = 0;
  for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
    for (let i = chunk.indexOf(10, 0); i !== -1 && i < read; i = chunk.indexOf(10, i + 1)) n += 1;
  }
  closeSync(fd);
  return n;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function native(folder) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', shuno, 'records', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const [seconds, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    runs.push({ ms: seconds * 1000, peakBytes: kb * 1024 });
  }
  return { ms: median(runs.map((r) => r.ms)), peakBytes: Math.max(...runs.map((r) => r.peakBytes)) };
}

function firstDifferences(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !isDeepStrictEqual(a[k], b[k])).slice(0, 10).map((k) => `${k}: shuno ${a[k]} duckdb ${b[k]}`);
}

await mkdir(out, { recursive: true });
const server = await serve();
const url = `http://127.0.0.1:${server.address().port}`;
const results = [];
try {
  for (const n of sizes) {
    const folder = `records-${n}`;
    const dir = join(out, folder);
    if (!existsSync(join(dir, 'delinquents.csv'))) {
      execFileSync(shuno, ['bench-data', '--persons', String(n), '--out', dir, '--seed', '1'], { stdio: 'inherit' });
    }
    const inputs = ['contacts.csv', 'payments.csv'];
    const inputBytes = inputs.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    const records = inputs.reduce((s, f) => s + lines(join(dir, f)) - 1, 0);
    const runs = { Shuno: [], Duckdb: [], ShunoBlob: [] };
    for (let i = 0; i < reps; i++) {
      for (const engine of engines) {
        const r = await inBrowser(url, folder, engine);
        if (i === 0 && engine === 'Duckdb' && compared) {
          const diff = firstDifferences(runs.Shuno[0].table, r.table);
          if (diff.length) throw new Error(`the engines disagree at N=${n}:\n${diff.join('\n')}`);
          console.error(`N=${n}: both engines give the same ${Object.keys(r.table).length} figures`);
          delete runs.Shuno[0].table;
        }
        if (i > 0 || engine !== 'Shuno') delete r.table;
        runs[engine].push(r);
        console.error(`N=${n} ${engine} run ${i + 1}: ${r.ms.toFixed(0)} ms, renderer peak ${(r.rendererPeakBytes / 1e6).toFixed(0)} MB ${JSON.stringify(r.timings ?? {})}`);
      }
    }
    const summary = (rs) => rs.length === 0 ? null : ({
      ms: median(rs.map((r) => r.ms)),
      runs: rs.map((r) => Math.round(r.ms)),
      rendererPeakBytes: Math.max(...rs.map((r) => r.rendererPeakBytes)),
      wasmMemoryBytes: rs[0].wasmMemoryBytes,
      duckdbMemoryBytes: rs[0].duckdbMemoryBytes,
      longestMainThreadPauseMs: Math.max(...rs.map((r) => r.longestMainThreadPauseMs)),
      timings: rs[0].timings,
      reportBytes: rs[0].reportBytes,
    });
    const shunoSummary = summary(runs.Shuno);
    const duck = summary(runs.Duckdb);
    results.push({
      persons: n,
      records,
      inputBytes,
      native: native(tableInput(dir)),
      shuno: shunoSummary,
      duckdb: duck,
      shunoFromBlob: summary(runs.ShunoBlob),
      ratio: compared ? duck.ms / shunoSummary.ms : null,
      shunoNsPerRecord: shunoSummary && (shunoSummary.ms * 1e6) / records,
      duckdbNsPerRecord: duck && (duck.ms * 1e6) / records,
    });
  }
} finally {
  server.close();
}

const mb = (b) => (b / 1e6).toFixed(0);
await writeFile(join(out, compared ? 'records.json' : `records-${engines.join('-')}.json`), JSON.stringify(results, null, 2));
if (!compared) {
  for (const r of results) {
    for (const [name, s] of Object.entries({ Shuno: r.shuno, ShunoBlob: r.shunoFromBlob })) {
      if (s) console.log(`${r.persons} persons, ${r.records} records, ${mb(r.inputBytes)} MB: ${name} ${s.ms.toFixed(0)} ms, Wasm ${mb(s.wasmMemoryBytes)} MB, renderer peak ${mb(s.rendererPeakBytes)} MB, ${JSON.stringify(s.timings)}, report ${s.reportBytes} bytes`);
    }
  }
  process.exit(0);
}
console.log('| persons | records | input MB | Shūnō (browser) ms | DuckDB-Wasm ms | ratio | Shūnō ns/record | DuckDB ns/record | Shūnō Wasm memory MB | renderer peak MB Shūnō / DuckDB | longest main-thread pause ms Shūnō / DuckDB | native ms | native peak RSS MB |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.persons.toLocaleString('en-US')} | ${r.records.toLocaleString('en-US')} | ${mb(r.inputBytes)} | ${r.shuno.ms.toFixed(0)} | ${r.duckdb.ms.toFixed(0)} | ${r.ratio.toFixed(1)}× | ${r.shunoNsPerRecord.toFixed(0)} | ${r.duckdbNsPerRecord.toFixed(0)} | ${mb(r.shuno.wasmMemoryBytes)} | ${mb(r.shuno.rendererPeakBytes)} / ${mb(r.duckdb.rendererPeakBytes)} | ${r.shuno.longestMainThreadPauseMs.toFixed(0)} / ${r.duckdb.longestMainThreadPauseMs.toFixed(0)} | ${r.native.ms.toFixed(0)} | ${mb(r.native.peakBytes)} |`);
}
