//! Saving a workbook: the page starts the export worker (its own Wasm, fetched
//! on first use), hands it the [`Workbook`], saves the bytes it answers as a
//! download, and ends the worker.

use crate::app::download::save_bytes;
use crate::app::embedded::{classic_worker, export_worker_url};
use crate::app::export_worker::{encode_workbook, ExportReply};
use crate::core::export::Workbook;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's handlers, kept alive until it answers.
type Handlers = Rc<RefCell<Vec<Closure<dyn FnMut(JsValue)>>>>;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Writes `book` in the export worker and offers it as `file_name`; `done`
/// hears `Err` with the reason if it could not be written.
pub fn save_workbook(book: Workbook, file_name: String, done: impl Fn(Result<(), String>) + 'static) {
    let worker = match classic_worker(&export_worker_url()) {
        Ok(w) => w,
        Err(e) => return done(Err(e)),
    };
    let done = Rc::new(done);
    // The closures live until the worker answers, then drop themselves.
    let handlers: Handlers = Rc::default();
    let finish = {
        let (worker, handlers, done) = (worker.clone(), handlers.clone(), done.clone());
        move |result: Result<(), String>| {
            worker.terminate();
            done(result);
            handlers.borrow_mut().clear();
        }
    };
    let mut book = Some(book);
    let on_message = {
        let (worker, finish) = (worker.clone(), finish.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let data = ev.unchecked_into::<web_sys::MessageEvent>().data();
            if data.as_string().as_deref() == Some("ready") {
                if let Some(book) = book.take() {
                    let _ = worker.post_message(&encode_workbook(&book));
                }
                return;
            }
            match ExportReply::decode(&data) {
                ExportReply::Xlsx(bytes) => {
                    save_bytes(&file_name, &bytes, XLSX_MIME);
                    finish(Ok(()));
                }
                ExportReply::Failed(message) => finish(Err(message)),
            }
        })
    };
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let ev = ev.unchecked_into::<web_sys::ErrorEvent>();
        ev.prevent_default();
        finish(Err(ev.message()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    handlers.borrow_mut().extend([on_message, on_error]);
}
