//! The messages between the page and the import worker: one enum each way,
//! encoded and decoded only here. The shapes on the wire are plain objects, so
//! the benchmark page (JavaScript) speaks them too:
//!
//! - page → worker: `{ kind: "job", files: [{ name, blob | bytes, encoding? }],
//!   mappings: "json", records: "json" }` (`blob` a Blob, read a slice at a time;
//!   `bytes` an ArrayBuffer, transferred), or `{ kind: "analyse", records: "json" }`;
//! - worker → page: `{ kind: "ready" }`, `{ kind: "progress", file, index, bytes,
//!   size, rows }`, `{ kind: "done", report, records?, timings, wasmMemoryBytes }`,
//!   `{ kind: "analysed", records? }`, `{ kind: "failed", message }`.
//!
//! The report and the records analysis are postcard (serde's compact binary
//! form: fields by position, integers as varints; a report can hold millions
//! of rows, and postcard's decoder, which never asks what comes next, keeps
//! the page's Wasm small). The record benchmark reads the analysis's
//! promoted-months rows in JavaScript (`tests/bench/records-page.mjs`).

use crate::app::import_worker::{Bytes, JobFile};
use crate::core::import::decode::Encoding;
use crate::core::import::schema::ColumnMapping;
use crate::profiles::pension::records::analysis::{RecordsAnalysis, RecordsOptions};
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::pension::ShownPensionReport;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the page asks of the worker.
pub enum ToWorker {
    /// Import these files, then analyse their records.
    Job { files: Vec<JobFile>, mappings: Vec<ColumnMapping<PensionTable>>, records: RecordsOptions },
    /// Analyse the records the last job kept again, with other days.
    Analyse { records: RecordsOptions },
}

/// How far the worker has read one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileProgress {
    pub file: String,
    pub index: usize,
    pub bytes: f64,
    pub size: f64,
    pub rows: u64,
}

/// Where a job's time went, in milliseconds (for the benchmark).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Timings {
    pub read_ms: f64,
    pub analyse_ms: f64,
}

/// What the worker tells the page.
pub enum FromWorker {
    /// The worker listens: post the job now.
    Ready,
    Progress(FileProgress),
    /// The job's report and the analysis of its records.
    Done {
        report: Box<ShownPensionReport>,
        records: Option<RecordsAnalysis>,
        timings: Timings,
        wasm_memory_bytes: f64,
    },
    /// The analysis again, after [`ToWorker::Analyse`].
    Analysed {
        records: Option<RecordsAnalysis>,
    },
    /// A message the worker could not read.
    Failed {
        message: String,
    },
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

fn message(kind: &str) -> Object {
    let msg = Object::new();
    set(&msg, "kind", kind);
    msg
}

fn json<T: serde::de::DeserializeOwned>(data: &JsValue, key: &str) -> Result<T, String> {
    let text = get(data, key).as_string().ok_or_else(|| format!("`{key}` is missing"))?;
    serde_json::from_str(&text).map_err(|e| format!("`{key}`: {e}"))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising plain data to JSON cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

/// Encoded bytes as a transferable array.
fn packed(bytes: Vec<u8>, transfer: &Array) -> Uint8Array {
    let array = Uint8Array::from(bytes.as_slice());
    transfer.push(&array.buffer());
    array
}

fn analysis(records: &Option<RecordsAnalysis>, transfer: &Array) -> JsValue {
    match records {
        Some(a) => packed(postcard::to_allocvec(a).unwrap_or_default(), transfer).into(),
        None => JsValue::UNDEFINED,
    }
}

fn read_analysis(data: &JsValue) -> Result<Option<RecordsAnalysis>, String> {
    let records = get(data, "records");
    if records.is_undefined() {
        return Ok(None);
    }
    postcard::from_bytes(&Uint8Array::new(&records).to_vec()).map(Some).map_err(|e| e.to_string())
}

impl ToWorker {
    /// The message and the buffers it transfers.
    pub fn encode(&self) -> (JsValue, Array) {
        let transfer = Array::new();
        let msg = match self {
            ToWorker::Job { files, mappings, records } => {
                let list = Array::new();
                for f in files {
                    let file = Object::new();
                    set(&file, "name", f.name.as_str());
                    match &f.bytes {
                        Bytes::Blob(blob) => set(&file, "blob", blob.clone()),
                        Bytes::Array(array) => {
                            transfer.push(&array.buffer());
                            set(&file, "bytes", array.buffer());
                        }
                    }
                    if let Some(e) = f.encoding {
                        set(&file, "encoding", e.code());
                    }
                    list.push(&file);
                }
                let msg = message("job");
                set(&msg, "files", list);
                set(&msg, "mappings", to_json(mappings));
                set(&msg, "records", to_json(records));
                msg
            }
            ToWorker::Analyse { records } => {
                let msg = message("analyse");
                set(&msg, "records", to_json(records));
                msg
            }
        };
        (msg.into(), transfer)
    }

    pub fn decode(data: &JsValue) -> Result<ToWorker, String> {
        match get(data, "kind").as_string().as_deref() {
            Some("analyse") => Ok(ToWorker::Analyse { records: json(data, "records")? }),
            Some("job") => {
                let files = Array::from(&get(data, "files"))
                    .iter()
                    .map(|f| job_file(&f))
                    .collect::<Result<_, _>>()?;
                Ok(ToWorker::Job {
                    files,
                    mappings: json(data, "mappings")?,
                    records: json(data, "records")?,
                })
            }
            other => Err(format!("unknown message kind {other:?}")),
        }
    }
}

fn job_file(f: &JsValue) -> Result<JobFile, String> {
    let name = get(f, "name").as_string().ok_or("a file without `name`")?;
    let bytes = match get(f, "blob").dyn_into::<web_sys::Blob>() {
        Ok(blob) => Bytes::Blob(blob),
        Err(_) => {
            let buffer = get(f, "bytes").dyn_into::<js_sys::ArrayBuffer>();
            let buffer = buffer.map_err(|_| format!("{name}: neither `blob` nor `bytes`"))?;
            Bytes::Array(Uint8Array::new(&buffer))
        }
    };
    let encoding = match get(f, "encoding").as_string() {
        None => None,
        Some(code) => {
            Some(Encoding::from_code(&code).ok_or_else(|| format!("{name}: unknown encoding {code}"))?)
        }
    };
    Ok(JobFile { name, bytes, encoding })
}

impl FromWorker {
    /// The message and the buffers it transfers.
    pub fn encode(&self) -> (JsValue, Array) {
        let transfer = Array::new();
        let msg = match self {
            FromWorker::Ready => message("ready"),
            FromWorker::Progress(p) => {
                let msg = message("progress");
                set(&msg, "file", p.file.as_str());
                set(&msg, "index", p.index as f64);
                set(&msg, "bytes", p.bytes);
                set(&msg, "size", p.size);
                set(&msg, "rows", p.rows as f64);
                msg
            }
            FromWorker::Done { report, records, timings, wasm_memory_bytes } => {
                let msg = message("done");
                set(&msg, "report", packed(postcard::to_allocvec(report).unwrap_or_default(), &transfer));
                set(&msg, "records", analysis(records, &transfer));
                let t = Object::new();
                set(&t, "readMs", timings.read_ms);
                set(&t, "analyseMs", timings.analyse_ms);
                set(&msg, "timings", t);
                set(&msg, "wasmMemoryBytes", *wasm_memory_bytes);
                msg
            }
            FromWorker::Analysed { records } => {
                let msg = message("analysed");
                set(&msg, "records", analysis(records, &transfer));
                msg
            }
            FromWorker::Failed { message: text } => {
                let msg = message("failed");
                set(&msg, "message", text.as_str());
                msg
            }
        };
        (msg.into(), transfer)
    }

    pub fn decode(data: &JsValue) -> Result<FromWorker, String> {
        let number = |key: &str| get(data, key).as_f64().ok_or_else(|| format!("`{key}` is missing"));
        match get(data, "kind").as_string().as_deref() {
            Some("ready") => Ok(FromWorker::Ready),
            Some("progress") => Ok(FromWorker::Progress(FileProgress {
                file: get(data, "file").as_string().unwrap_or_default(),
                index: number("index")? as usize,
                bytes: number("bytes")?,
                size: number("size")?,
                rows: number("rows")? as u64,
            })),
            Some("done") => {
                let bytes = Uint8Array::new(&get(data, "report")).to_vec();
                let report = postcard::from_bytes(&bytes).map_err(|e| e.to_string())?;
                let t = get(data, "timings");
                let ms = |key: &str| get(&t, key).as_f64().unwrap_or(0.0);
                let timings = Timings { read_ms: ms("readMs"), analyse_ms: ms("analyseMs") };
                let wasm_memory_bytes = number("wasmMemoryBytes")?;
                Ok(FromWorker::Done {
                    report: Box::new(report),
                    records: read_analysis(data)?,
                    timings,
                    wasm_memory_bytes,
                })
            }
            Some("analysed") => Ok(FromWorker::Analysed { records: read_analysis(data)? }),
            Some("failed") => {
                Ok(FromWorker::Failed { message: get(data, "message").as_string().unwrap_or_default() })
            }
            other => Err(format!("unknown message kind {other:?}")),
        }
    }
}
