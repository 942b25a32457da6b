// The benchmark page: the same CSV bytes in memory, given to Shūnō's import
// worker (the app's own worker, from dist/) and to DuckDB-Wasm (from local
// files). Each engine returns the office × kind × month table in one shape.
import * as duckdb from '@duckdb/duckdb-wasm';

// The table needs contacts and payments only; both engines get these bytes.
const FILES = ['contacts.csv', 'payments.csv'];
const QUALIFYING = `((method = '電話' AND outcome IN ('本人接触', '連帯納付義務者接触')) OR (method = '文書' AND outcome = '送付'))`;

// The model of the issue, in SQL: windows of qualifying contacts, the premium
// kind from fiscal year (April) against collection year (May), on-time and
// forced payments excluded, a payment promoted when some window of the same
// person covers its day (EXISTS: counted once).
const SQL = `
WITH contacts AS (
  SELECT * FROM read_csv('contacts.csv', header = true, delim = ',',
    columns = {'person': 'BIGINT', 'office': 'VARCHAR', 'day': 'DATE', 'method': 'VARCHAR', 'outcome': 'VARCHAR'})),
payments AS (
  SELECT * FROM read_csv('payments.csv', header = true, delim = ',',
    columns = {'person': 'BIGINT', 'office': 'VARCHAR', 'paid': 'DATE', 'premium': 'VARCHAR', 'months': 'INTEGER', 'channel': 'VARCHAR'})),
windows AS (
  SELECT person, day AS opened,
    CASE WHEN month(day) = 4 THEN last_day(day) ELSE last_day(day + INTERVAL 1 MONTH) END AS closes
  FROM contacts WHERE ${QUALIFYING}),
classified AS (
  SELECT office, person, paid, months, channel, pm,
    (CASE WHEN month(paid) >= 5 THEN year(paid) ELSE year(paid) - 1 END)
      - (CASE WHEN month(pm) >= 4 THEN year(pm) ELSE year(pm) - 1 END) AS kind
  FROM (SELECT *, CAST(premium || '-01' AS DATE) AS pm FROM payments)),
eligible AS (
  SELECT * FROM classified
  WHERE kind BETWEEN 0 AND 2 AND channel <> '強制徴収'
    AND NOT (kind = 0 AND paid <= last_day(pm + INTERVAL 1 MONTH))),
promoted AS (
  SELECT office, kind, strftime(paid, '%Y-%m') AS month,
    CASE WHEN month(paid) >= 5 THEN year(paid) ELSE year(paid) - 1 END AS period,
    sum(months) AS n
  FROM eligible e
  WHERE EXISTS (SELECT 1 FROM windows w WHERE w.person = e.person AND w.opened <= e.paid AND e.paid <= w.closes)
  GROUP BY ALL),
activity AS (
  SELECT office, strftime(day, '%Y-%m') AS month,
    count(*) FILTER (WHERE ${QUALIFYING}) AS qualifying, count(*) AS actions
  FROM contacts GROUP BY ALL)
SELECT 'p' AS t, office, kind, month, n AS a,
  sum(n) OVER (PARTITION BY office, kind, period ORDER BY month) AS b
FROM promoted
UNION ALL
SELECT 'a', office, NULL, month, qualifying, actions FROM activity`;

const KINDS = { current: 0, past1: 1, past2: 2 };

/** The promoted-months rows of the worker's records analysis, which is
 *  postcard (serde fields in order; integers as LEB128 varints; strings and
 *  sequences length-first; an option a 0/1 byte first; an enum its variant
 *  index): `RecordsAnalysis { counts: 3 × u64, latest_day: Option<date>,
 *  promoted: { through: Option<date>, rows: Vec<PromotedRow>, … }, … }`. */
function promotedRows(bytes) {
  let i = 0;
  const varint = () => {
    let x = 0;
    for (let shift = 1; ; shift *= 128) {
      const b = bytes[i++];
      x += (b & 0x7f) * shift;
      if (!(b & 0x80)) return x;
    }
  };
  const text = new TextDecoder();
  const str = () => { const n = varint(); const s = text.decode(bytes.subarray(i, i + n)); i += n; return s; };
  const option = (read) => (bytes[i++] ? read() : null);
  varint(); varint(); varint(); // counts
  option(str); // latest_day
  option(str); // promoted.through
  const kinds = Object.keys(KINDS);
  return Array.from({ length: varint() }, () => ({
    office_code: str(),
    kind: kinds[varint()],
    month: str(),
    promoted_months: varint(),
    promoted_months_to_date: varint(),
    qualifying_contacts: varint(),
    actions: { phone: varint(), letter: varint(), sms: varint(), visit: varint(), other: varint(), returned_letters: varint() },
  }));
}
let data = null;

/** Fetches the CSV files of one size into memory (not timed). */
window.load = async (folder) => {
  data = [];
  for (const name of FILES) data.push({ name, buffer: await (await fetch(`/data/${folder}/${name}`)).arrayBuffer() });
  return data.reduce((n, f) => n + f.buffer.byteLength, 0);
};

/** One shape for both engines: "p|office|kind|month" → [monthly, to date],
 *  "a|office|month" → [qualifying, actions]. */
function keyed(rows) {
  const out = {};
  for (const r of rows) out[r.key] = r.value;
  return out;
}

/** The longest pause of the page's main thread while `work` runs (a frozen
 *  page would show seconds here). */
async function watchingMainThread(work) {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    return { ...result, longestMainThreadPauseMs: Math.max(longest, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

let shunoWorker = null;
window.prepareShuno = async () => {
  shunoWorker = new Worker('/app/shuno-import-worker_loader.js');
  await new Promise((ok) => (shunoWorker.onmessage = (e) => e.data.kind === 'ready' && ok()));
};

/** `blob`: as the app reads a file the user chose (Blob slices with
 *  FileReaderSync); otherwise the bytes are copied and transferred, as DuckDB's
 *  registerFileBuffer gets them. */
window.runShuno = (viaBlob = false) => watchingMainThread(async () => {
  const t0 = performance.now();
  const files = data.map((f) => (viaBlob ? { name: f.name, blob: new Blob([f.buffer]) } : { name: f.name, bytes: f.buffer.slice(0) }));
  const transfer = viaBlob ? [] : files.map((f) => f.bytes);
  let progress = 0;
  const done = await new Promise((ok, fail) => {
    shunoWorker.onerror = (e) => fail(new Error(`the worker died: ${e.message}`));
    shunoWorker.onmessage = (e) => {
      if (e.data.kind === 'progress') progress += 1;
      if (e.data.kind === 'done') ok(e.data);
      if (e.data.kind === 'failed') fail(new Error(e.data.message));
    };
    shunoWorker.postMessage({ kind: 'job', files, mappings: '[]', records: '{}' }, transfer);
  });
  const rows_ = done.records && promotedRows(new Uint8Array(done.records));
  const ms = performance.now() - t0;
  // The report is postcard bytes (no reader in JavaScript): only its size is kept.
  if (!rows_) throw new Error(`no analysis; the report is ${done.report.byteLength} bytes`);
  const rows = [];
  for (const r of rows_) {
    if (r.promoted_months > 0) {
      rows.push({ key: `p|${r.office_code}|${KINDS[r.kind]}|${r.month}`, value: [r.promoted_months, r.promoted_months_to_date] });
    }
    const { returned_letters: _, ...byMethod } = r.actions;
    const actions = Object.values(byMethod).reduce((a, b) => a + b, 0);
    if (r.kind === 'current' && actions > 0) {
      rows.push({ key: `a|${r.office_code}|${r.month}`, value: [r.qualifying_contacts, actions] });
    }
  }
  return { ms, wasmMemoryBytes: done.wasmMemoryBytes, timings: done.timings, progressMessages: progress, reportBytes: done.report.byteLength, table: keyed(rows) };
});

let db = null;
window.prepareDuckdb = async () => {
  const dist = '/bench/node_modules/@duckdb/duckdb-wasm/dist';
  const worker = new Worker(`${dist}/duckdb-browser-eh.worker.js`);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${dist}/duckdb-eh.wasm`);
};

window.runDuckdb = () => watchingMainThread(async () => {
  const t0 = performance.now();
  for (const f of data) await db.registerFileBuffer(f.name, new Uint8Array(f.buffer.slice(0)));
  const conn = await db.connect();
  const result = await conn.query(SQL);
  const rows = result.toArray().map((r) => {
    const o = r.toJSON();
    return o.t === 'p'
      ? { key: `p|${o.office}|${Number(o.kind)}|${o.month}`, value: [Number(o.a), Number(o.b)] }
      : { key: `a|${o.office}|${o.month}`, value: [Number(o.a), Number(o.b)] };
  });
  const ms = performance.now() - t0;
  const memory = (await conn.query('SELECT sum(memory_usage_bytes) AS m FROM duckdb_memory()')).toArray()[0].toJSON().m;
  await conn.close();
  for (const f of FILES) await db.dropFile(f);
  return { ms, duckdbMemoryBytes: Number(memory), table: keyed(rows) };
});

document.getElementById('status').textContent = 'ready';
