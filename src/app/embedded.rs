//! What the single-file build (`dist/shuno.html`, written by
//! `scripts/single_file.py`) hands the app before it starts: the import
//! workers (without and with the workbook reader), the export worker and the
//! bid worker and the call centre's worker as Blob URLs, and the demo files as
//! Blobs. The served build sets none of them, and the app uses its own files.
//! These six window properties are the whole seam.

use crate::app::import_client::Source;
use wasm_bindgen::JsCast;

/// The property holding the import worker's Blob URL.
const WORKER_URL_KEY: &str = "shunoWorkerUrl";
/// The property holding the Blob URL of the import worker with the workbook reader.
const WORKBOOK_WORKER_URL_KEY: &str = "shunoWorkbookWorkerUrl";
/// The property holding the export worker's Blob URL.
const EXPORT_WORKER_URL_KEY: &str = "shunoExportWorkerUrl";
/// The property holding the bid worker's Blob URL.
const BID_WORKER_URL_KEY: &str = "shunoBidWorkerUrl";
/// The property holding the call centre's worker's Blob URL.
const CALL_CENTRE_WORKER_URL_KEY: &str = "shunoCallCentreWorkerUrl";
const DUNNING_WORKER_URL_KEY: &str = "shunoDunningWorkerUrl";
/// Set (to true) by every single file: the contracts' apps are sibling files.
const SINGLE_FILE_KEY: &str = "shunoSingleFile";
/// The property holding `[{ name, blob }]`, the demo files in manifest order.
const DEMO_KEY: &str = "shunoDemo";

/// The worker scripts Trunk builds (`data-type="worker"`, loader shim).
const SERVED_WORKER_URL: &str = "./shuno-import-worker_loader.js";
const SERVED_WORKBOOK_WORKER_URL: &str = "./shuno-import-worker-xlsx_loader.js";
const SERVED_EXPORT_WORKER_URL: &str = "./shuno-export-worker_loader.js";
const SERVED_BID_WORKER_URL: &str = "./shuno-bid-worker_loader.js";
const SERVED_CALL_CENTRE_WORKER_URL: &str = "./shuno-call-centre-worker_loader.js";
const SERVED_DUNNING_WORKER_URL: &str = "./shuno-dunning-worker_loader.js";

fn property(key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(&gloo::utils::window(), &key.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

/// Where contract `contract`'s app is: the served build's page, or in the
/// single-file build the sibling file (both files kept in one folder).
pub fn contract_url(contract: crate::profiles::Contract) -> String {
    use crate::profiles::Contract;
    let single = property(SINGLE_FILE_KEY).is_truthy();
    match (contract, single) {
        (Contract::MunicipalCallCentre, false) => "call-centre.html",
        (Contract::MunicipalCallCentre, true) => "shuno-call-centre.html",
        (Contract::WorkersCompensationDunning, false) => "dunning.html",
        (Contract::WorkersCompensationDunning, true) => "shuno-dunning.html",
        (_, false) => "./",
        (_, true) => "shuno.html",
    }
    .to_string()
}

/// Starts the classic worker whose script is at `url` (every worker of the
/// app starts so); `Err` with the browser's reason.
pub fn classic_worker(url: &str) -> Result<web_sys::Worker, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Classic);
    web_sys::Worker::new_with_options(url, &options).map_err(|e| format!("{e:?}"))
}

/// Where the import worker's script is: the one with the workbook reader
/// when the job has a workbook.
pub fn worker_url(workbooks: bool) -> String {
    let (key, served) = if workbooks {
        (WORKBOOK_WORKER_URL_KEY, SERVED_WORKBOOK_WORKER_URL)
    } else {
        (WORKER_URL_KEY, SERVED_WORKER_URL)
    };
    property(key).as_string().unwrap_or_else(|| served.to_string())
}

/// Where the export worker's script is.
pub fn export_worker_url() -> String {
    property(EXPORT_WORKER_URL_KEY).as_string().unwrap_or_else(|| SERVED_EXPORT_WORKER_URL.to_string())
}

/// Where the bid worker's script is.
pub fn bid_worker_url() -> String {
    property(BID_WORKER_URL_KEY).as_string().unwrap_or_else(|| SERVED_BID_WORKER_URL.to_string())
}

/// Where the script of the worker that writes out `contract`'s pages is.
pub fn paged_worker_url(contract: crate::profiles::Contract) -> String {
    use crate::profiles::Contract;
    let (key, served) = match contract {
        Contract::WorkersCompensationDunning => (DUNNING_WORKER_URL_KEY, SERVED_DUNNING_WORKER_URL),
        _ => (CALL_CENTRE_WORKER_URL_KEY, SERVED_CALL_CENTRE_WORKER_URL),
    };
    property(key).as_string().unwrap_or_else(|| served.to_string())
}

/// The demo files the single file carries; `None` in the served build.
pub fn demo_files() -> Option<Vec<Source>> {
    let list = property(DEMO_KEY).dyn_into::<js_sys::Array>().ok()?;
    list.iter()
        .map(|entry| {
            let name = js_sys::Reflect::get(&entry, &"name".into()).ok()?.as_string()?;
            let blob = js_sys::Reflect::get(&entry, &"blob".into()).ok()?.dyn_into::<web_sys::Blob>().ok()?;
            Some(Source { name, blob })
        })
        .collect()
}
