//! The import, run in a dedicated Web Worker so the page never freezes. Files are
//! read a chunk at a time with `FileReaderSync` (a 500 MB file never becomes one
//! string or one buffer), decoded and parsed by the same core the command line
//! uses, with progress posted back every [`crate::core::import::PROGRESS_EVERY`]
//! rows. The page cancels by terminating the worker.
//!
//! Messages: worker → page `{ kind: "ready" }` once it listens; page → worker
//! `{ files: [{ name, blob | bytes, encoding }], mappings: "json", records: "json" }`
//! (`blob` a Blob, read a slice at a time; `bytes` an ArrayBuffer, transferred)
//! (`records` = [`RecordsOptions`]); worker → page
//! `{ kind: "progress", file, index, bytes, size, rows }` and
//! `{ kind: "done", report: Uint8Array, records?: Uint8Array }`. The worker
//! then keeps the record tables of that job (only those) and answers
//! `{ kind: "analyse", records: "json" }` with `{ kind: "analysed", records? }`,
//! so changing the records day or the duty's as-of day does not read the files
//! again. Both replies carry: the
//! `PensionReport` as compact MessagePack (fields by position: a report can hold
//! millions of rows), the [`RecordsAnalysis`] as MessagePack with field names
//! (small, and readable by any MessagePack reader), `timings` and
//! `wasmMemoryBytes`. The record tables
//! themselves (personal data) never leave the worker: only the per-office
//! results and the overdue list do.

use crate::core::import::decode::Encoding;
use crate::core::import::schema::ColumnMapping;
use crate::core::import::{Importer, SourceFile};
use crate::profiles::pension::records::analysis::{analyse, analyse_import, RecordsAnalysis, RecordsOptions};
use crate::profiles::pension::records::tables::RecordTables;
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::pension::PensionReport;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::io::{self, Read};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Workbooks are read whole (a zip needs random access); text is streamed.
const WORKBOOK_SUFFIXES: [&str; 2] = [".xlsx", ".xls"];

/// Bytes read from a Blob at a time.
const BLOB_SLICE: usize = 4 << 20;

/// `io::Read` over a Blob, a slice at a time, with `FileReaderSync` (workers only).
pub struct BlobReader {
    blob: web_sys::Blob,
    reader: web_sys::FileReaderSync,
    pos: f64,
}

impl BlobReader {
    pub fn new(blob: web_sys::Blob) -> Result<BlobReader, JsValue> {
        Ok(BlobReader { blob, reader: web_sys::FileReaderSync::new()?, pos: 0.0 })
    }
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let end = (self.pos + buf.len() as f64).min(self.blob.size());
        if end <= self.pos {
            return Ok(0);
        }
        let js_err = |e: JsValue| io::Error::other(format!("{e:?}"));
        let slice = self.blob.slice_with_f64_and_f64(self.pos, end).map_err(js_err)?;
        let bytes = Uint8Array::new(&self.reader.read_as_array_buffer(&slice).map_err(js_err)?.into());
        let n = bytes.length() as usize;
        bytes.copy_to(&mut buf[..n]);
        self.pos += n as f64;
        Ok(n)
    }
}

/// `io::Read` over bytes the page already held and transferred (no copy until
/// each slice is read into Wasm memory).
pub struct ArrayReader {
    array: Uint8Array,
    pos: u32,
}

impl Read for ArrayReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let end = self.array.length().min(self.pos.saturating_add(buf.len() as u32));
        let n = (end - self.pos) as usize;
        self.array.subarray(self.pos, end).copy_to(&mut buf[..n]);
        self.pos = end;
        Ok(n)
    }
}

/// Where a file's bytes are: a Blob (a file the user chose, read a slice at a
/// time) or an ArrayBuffer the page transferred.
pub enum Bytes {
    Blob(web_sys::Blob),
    Array(Uint8Array),
}

impl Bytes {
    fn size(&self) -> f64 {
        match self {
            Bytes::Blob(b) => b.size(),
            Bytes::Array(a) => f64::from(a.length()),
        }
    }

    fn reader(&self) -> Result<Box<dyn Read>, JsValue> {
        Ok(match self {
            // Each FileReaderSync call costs about a millisecond whatever its
            // size: slices of 4 MB, not of the reader's 256 KB.
            Bytes::Blob(b) => Box::new(io::BufReader::with_capacity(BLOB_SLICE, BlobReader::new(b.clone())?)),
            Bytes::Array(a) => Box::new(ArrayReader { array: a.clone(), pos: 0 }),
        })
    }
}

/// One file of a job.
pub struct JobFile {
    pub name: String,
    pub bytes: Bytes,
    pub encoding: Option<Encoding>,
}

/// Imports the files; `progress(index, bytes, rows)` is called as they are read.
pub fn run(
    files: &[JobFile],
    mappings: Vec<ColumnMapping<PensionTable>>,
    progress: &mut dyn FnMut(usize, u64, u64),
) -> PensionReport {
    let mut importer = Importer::with_mappings(mappings);
    for (i, f) in files.iter().enumerate() {
        let workbook = WORKBOOK_SUFFIXES.iter().any(|s| f.name.to_ascii_lowercase().ends_with(s));
        let reader = match f.bytes.reader() {
            Ok(r) => r,
            Err(e) => {
                importer.add_unreadable(&f.name, &io::Error::other(format!("{e:?}")));
                continue;
            }
        };
        if workbook {
            let mut bytes = Vec::with_capacity(f.bytes.size() as usize);
            match { reader }.read_to_end(&mut bytes) {
                Ok(_) => importer.add_bytes(
                    &SourceFile { name: &f.name, bytes: &bytes, encoding: f.encoding },
                    &mut |_, _| true,
                ),
                Err(e) => importer.add_unreadable(&f.name, &e),
            }
        } else {
            importer.add_text(&f.name, reader, f.encoding, &mut |bytes, rows| {
                progress(i, bytes, rows);
                true
            });
        }
        progress(i, f.bytes.size() as u64, 0);
    }
    importer.finish()
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

thread_local! {
    /// The record tables of the last job (personal data, in this worker only):
    /// kept for re-analysis with other days, dropped with the worker.
    static LAST_RECORDS: RefCell<Option<RecordTables>> = const { RefCell::new(None) };
}

/// The analysis as a MessagePack array with field names, or `undefined`.
fn encoded(analysis: Option<RecordsAnalysis>, transfer: &Array) -> JsValue {
    match analysis {
        Some(a) => {
            let bytes = Uint8Array::from(rmp_serde::to_vec_named(&a).unwrap_or_default().as_slice());
            transfer.push(&bytes.buffer());
            bytes.into()
        }
        None => JsValue::UNDEFINED,
    }
}

/// Reads a job message.
fn job(data: &JsValue) -> (Vec<JobFile>, Vec<ColumnMapping<PensionTable>>, RecordsOptions) {
    let files = Array::from(&get(data, "files"))
        .iter()
        .filter_map(|f| {
            let name = get(&f, "name").as_string()?;
            let bytes = match get(&f, "blob").dyn_into::<web_sys::Blob>() {
                Ok(blob) => Bytes::Blob(blob),
                Err(_) => {
                    let buffer = get(&f, "bytes").dyn_into::<js_sys::ArrayBuffer>().ok()?;
                    Bytes::Array(Uint8Array::new(&buffer))
                }
            };
            let encoding = get(&f, "encoding").as_string().and_then(|e| Encoding::from_code(&e));
            Some(JobFile { name, bytes, encoding })
        })
        .collect();
    let mappings =
        get(data, "mappings").as_string().and_then(|m| serde_json::from_str(&m).ok()).unwrap_or_default();
    (files, mappings, records_options(data))
}

fn records_options(data: &JsValue) -> RecordsOptions {
    get(data, "records").as_string().and_then(|m| serde_json::from_str(&m).ok()).unwrap_or_default()
}

/// Answers `{ kind: "analyse" }` from the tables the last job kept.
fn reanalyse(data: &JsValue, reply: &web_sys::DedicatedWorkerGlobalScope) {
    let options = records_options(data);
    let analysis = LAST_RECORDS.with(|last| last.borrow().as_ref().and_then(|t| analyse(t, options)));
    let msg = Object::new();
    set(&msg, "kind", "analysed".into());
    let transfer = Array::new();
    set(&msg, "records", encoded(analysis, &transfer));
    let _ = reply.post_message_with_transfer(&msg, &transfer);
}

/// The worker's entry: answers each job message with progress and a report.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if get(&ev.data(), "kind").as_string().as_deref() == Some("analyse") {
            reanalyse(&ev.data(), &reply);
            return;
        }
        let (files, mappings, records) = job(&ev.data());
        let sizes: Vec<f64> = files.iter().map(|f| f.bytes.size()).collect();
        let started = js_sys::Date::now();
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let mut report = run(&files, mappings, &mut |i, bytes, rows| {
            let msg = Object::new();
            set(&msg, "kind", "progress".into());
            set(&msg, "file", names[i].clone().into());
            set(&msg, "index", (i as f64).into());
            set(&msg, "bytes", (bytes as f64).into());
            set(&msg, "size", sizes[i].into());
            set(&msg, "rows", (rows as f64).into());
            let _ = reply.post_message(&msg);
        });
        let read = js_sys::Date::now();
        let analysis = analyse_import(&report, records);
        let analysed = js_sys::Date::now();
        let msg = Object::new();
        set(&msg, "kind", "done".into());
        let transfer = Array::new();
        let encoded_report = Uint8Array::from(rmp_serde::to_vec(&report).unwrap_or_default().as_slice());
        set(&msg, "report", encoded_report.clone().into());
        transfer.push(&encoded_report.buffer());
        let kept = analysis.is_some().then(|| std::mem::take(&mut report.private));
        LAST_RECORDS.with(|last| *last.borrow_mut() = kept);
        set(&msg, "records", encoded(analysis, &transfer));
        // Where the time went, and the worker's whole Wasm memory (it only
        // grows): for the benchmark and for diagnosing a slow or short tab.
        let timings = Object::new();
        set(&timings, "readMs", (read - started).into());
        set(&timings, "analyseMs", (analysed - read).into());
        set(&timings, "encodeMs", (js_sys::Date::now() - analysed).into());
        set(&msg, "timings", timings.into());
        let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
        set(
            &msg,
            "wasmMemoryBytes",
            memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length().into(),
        );
        let _ = reply.post_message_with_transfer(&msg, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A message posted before this handler existed would be lost: say when ready.
    let ready = Object::new();
    set(&ready, "kind", "ready".into());
    let _ = scope.post_message(&ready);
}
