//! The page's side of the import worker: starts a job whenever the files, the
//! chosen encodings or the column mappings change, shows its progress, takes its
//! report, and cancels by terminating the worker (a new one serves the next job).

use crate::app::embedded::classic_worker;
use crate::app::import_worker::{is_workbook, Bytes, JobFile};
use crate::app::worker_protocol::{FromWorker, ToWorker};
use crate::core::import::decode::Encoding;
use crate::core::import::schema::ColumnMapping;
use crate::profiles::pension::records::analysis::{RecordsAnalysis, RecordsOptions};
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::pension::ShownPensionReport;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A file as the page holds it: a name and a Blob (never its bytes).
#[derive(Clone)]
pub struct Source {
    pub name: String,
    pub blob: web_sys::Blob,
}

/// Where a running import is.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProgress {
    pub file: String,
    pub index: usize,
    pub files: usize,
    pub bytes: f64,
    pub size: f64,
    pub rows: u64,
}

/// Where a job's replies go.
pub struct Replies {
    /// The job's report.
    pub report: Box<dyn Fn(ShownPensionReport)>,
    /// The analysis of its records (again after each [`ImportClient::reanalyse`]).
    pub records: Box<dyn Fn(Option<RecordsAnalysis>)>,
    /// The worker died; its message is in [`ImportClient::failure`].
    pub failed: Box<dyn Fn()>,
}

struct Running {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

#[derive(Clone, Copy)]
pub struct ImportClient {
    running: StoredValue<Option<Running>, LocalStorage>,
    pub progress: RwSignal<Option<ImportProgress>>,
    pub cancelled: RwSignal<bool>,
    /// Why the worker could not start or finish, if it could not.
    pub failure: RwSignal<Option<String>>,
}

/// The job for the worker: the files as Blobs, never their bytes.
fn job(
    sources: &[Source],
    encodings: &[(String, Encoding)],
    mappings: &[ColumnMapping<PensionTable>],
    records: RecordsOptions,
) -> ToWorker {
    let files = sources
        .iter()
        .map(|s| JobFile {
            name: s.name.clone(),
            bytes: Bytes::Blob(s.blob.clone()),
            encoding: encodings.iter().find(|(n, _)| *n == s.name).map(|(_, e)| *e),
        })
        .collect();
    ToWorker::Job { files, mappings: mappings.to_vec(), records }
}

impl ImportClient {
    pub fn new() -> ImportClient {
        ImportClient {
            running: StoredValue::new_local(None),
            progress: RwSignal::new(None),
            cancelled: RwSignal::new(false),
            failure: RwSignal::new(None),
        }
    }

    /// Stops the running job at the user's request.
    pub fn cancel(self) {
        self.cancelled.set(self.progress.get_untracked().is_some());
        self.stop();
    }

    /// Stops the running job, if any.
    pub fn stop(self) {
        if let Some(running) = self.running.try_update_value(Option::take).flatten() {
            running.worker.terminate();
        }
        self.progress.set(None);
    }

    /// Asks the idle worker of the last job to analyse its records again with
    /// other days (the answer goes to that job's `on_records`). `false` when
    /// there is no idle worker: start a job instead.
    pub fn reanalyse(self, records: RecordsOptions) -> bool {
        if self.progress.get_untracked().is_some() {
            return false;
        }
        let (message, _) = ToWorker::Analyse { records }.encode();
        let sent = self.running.with_value(|r| r.as_ref().map(|r| r.worker.post_message(&message)));
        matches!(sent, Some(Ok(())))
    }

    /// Starts a job; its replies go to `replies`.
    pub fn start(
        self,
        sources: &[Source],
        encodings: &[(String, Encoding)],
        mappings: &[ColumnMapping<PensionTable>],
        records: RecordsOptions,
        replies: Replies,
    ) {
        let Replies { report: on_report, records: on_records, failed: on_failed } = replies;
        self.stop();
        self.failure.set(None);
        let worker = {
            // The workbook reader is a worker of its own, fetched only when needed.
            let workbooks = sources.iter().any(|s| is_workbook(&s.name));
            match classic_worker(&crate::app::embedded::worker_url(workbooks)) {
                Ok(w) => w,
                Err(e) => {
                    self.failure.set(Some(e));
                    return;
                }
            }
        };
        let files = sources.len();
        let client = self;
        let (job, transfer) = job(sources, encodings, mappings, records).encode();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                match FromWorker::decode(&ev.data()) {
                    Ok(FromWorker::Ready) => {
                        let sent = client.running.with_value(|r| {
                            r.as_ref().map(|r| r.worker.post_message_with_transfer(&job, &transfer))
                        });
                        if let Some(Err(e)) = sent {
                            client.failure.set(Some(format!("{e:?}")));
                        }
                    }
                    Ok(FromWorker::Progress(p)) => client.progress.set(Some(ImportProgress {
                        file: p.file,
                        index: p.index,
                        files,
                        bytes: p.bytes,
                        size: p.size,
                        rows: p.rows,
                    })),
                    Ok(FromWorker::Done { report, records, .. }) => {
                        on_report(*report);
                        on_records(records);
                        // The worker stays, idle, with the records of this job for
                        // `reanalyse`; the next `start` or `stop` ends it.
                        client.progress.set(None);
                    }
                    Ok(FromWorker::Analysed { records }) => on_records(records),
                    Ok(FromWorker::Failed { message }) | Err(message) => {
                        client.progress.set(None);
                        client.failure.set(Some(message));
                    }
                }
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker died (out of memory, or a bug): say so, never wait forever.
        let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
            ev.prevent_default();
            client.stop();
            client.failure.set(Some(ev.message()));
            on_failed();
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

        let first = sources.first().map(|s| s.name.clone()).unwrap_or_default();
        let size = sources.first().map_or(0.0, |s| s.blob.size());
        self.progress.set(Some(ImportProgress { file: first, index: 0, files, bytes: 0.0, size, rows: 0 }));
        self.running.set_value(Some(Running { worker, _on_message: on_message, _on_error: on_error }));
    }
}
