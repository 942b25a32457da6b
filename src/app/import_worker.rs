//! The import, run in a dedicated Web Worker so the page never freezes. Files are
//! read a chunk at a time with `FileReaderSync` (a 500 MB file never becomes one
//! string or one buffer), decoded and parsed by the same core the command line
//! uses, with progress posted back every [`crate::core::import::PROGRESS_EVERY`]
//! rows. The page cancels by terminating the worker.
//!
//! The messages are [`ToWorker`] and [`FromWorker`]. After a job the worker
//! keeps its record tables (only those) and answers [`ToWorker::Analyse`], so
//! changing the records day or the duty's as-of day does not read the files
//! again. The record tables themselves (personal data) never leave the worker:
//! only the per-office results and the overdue list do.

use crate::app::worker_protocol::{FileProgress, FromWorker, Timings, ToWorker};
use crate::core::import::decode::Encoding;
use crate::core::import::schema::ColumnMapping;
use crate::core::import::{Importer, SourceFile};
use crate::profiles::pension::records::analysis::{analyse, analyse_import, RecordsOptions};
use crate::profiles::pension::records::tables::RecordTables;
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::pension::PensionReport;
use js_sys::Uint8Array;
use std::cell::RefCell;
use std::io::{self, Read};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Workbooks are read whole (a zip needs random access); text is streamed.
const WORKBOOK_SUFFIXES: [&str; 2] = [".xlsx", ".xls"];

/// Whether a file is read as a workbook (by the worker built with the
/// workbook reader).
pub fn is_workbook(name: &str) -> bool {
    WORKBOOK_SUFFIXES.iter().any(|s| name.to_ascii_lowercase().ends_with(s))
}

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
    pub fn size(&self) -> f64 {
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
        let workbook = is_workbook(&f.name);
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

thread_local! {
    /// The record tables of the last job (personal data, in this worker only):
    /// kept for re-analysis with other days, dropped with the worker.
    static LAST_RECORDS: RefCell<Option<RecordTables>> = const { RefCell::new(None) };
}

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, message: &FromWorker) {
    let (msg, transfer) = message.encode();
    let _ = scope.post_message_with_transfer(&msg, &transfer);
}

/// Imports the job's files and analyses their records; keeps the record tables.
fn job(
    files: &[JobFile],
    mappings: Vec<ColumnMapping<PensionTable>>,
    records: RecordsOptions,
    reply: &web_sys::DedicatedWorkerGlobalScope,
) -> FromWorker {
    let started = js_sys::Date::now();
    let mut report = run(files, mappings, &mut |index, bytes, rows| {
        let (file, size) = (files[index].name.clone(), files[index].bytes.size());
        post(reply, &FromWorker::Progress(FileProgress { file, index, bytes: bytes as f64, size, rows }));
    });
    let read = js_sys::Date::now();
    let analysis = analyse_import(&report, records);
    let analysed = js_sys::Date::now();
    let kept = analysis.is_some().then(|| std::mem::take(&mut report.private));
    LAST_RECORDS.with(|last| *last.borrow_mut() = kept);
    // The worker's whole Wasm memory (it only grows): for the benchmark and for
    // diagnosing a slow or short tab.
    let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
    let wasm_memory_bytes = f64::from(memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length());
    FromWorker::Done {
        report: Box::new(report.shown()),
        records: analysis,
        timings: Timings { read_ms: read - started, analyse_ms: analysed - read },
        wasm_memory_bytes,
    }
}

/// The worker's entry: answers each message of the page.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let answer = match ToWorker::decode(&ev.data()) {
            Ok(ToWorker::Analyse { records }) => {
                let analysis =
                    LAST_RECORDS.with(|last| last.borrow().as_ref().and_then(|t| analyse(t, records)));
                FromWorker::Analysed { records: analysis }
            }
            Ok(ToWorker::Job { files, mappings, records }) => job(&files, mappings, records, &reply),
            Err(message) => FromWorker::Failed { message },
        };
        post(&reply, &answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A message posted before this handler existed would be lost: say when ready.
    post(&scope, &FromWorker::Ready);
}
