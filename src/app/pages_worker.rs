//! The worker of a contract whose pages are written out (the call centre #16,
//! the dunning blocks #17): reads the profile's files (or the demo it
//! carries) through the core's import, off the page, and answers with every
//! page and slide written out as blocks ([`loaded`]). A Wasm of its own per
//! contract, started for one job, so no other contract's first visit carries
//! the profile's code. The seam is typed and encoded only here: page → worker
//! `{ demo: true, request }` or `{ files: [{ name, blob }], request }`
//! (`request` a [`PageRequest`] as postcard); worker → page a [`PagesReply`]
//! as postcard.

use crate::app::import_client::Source;
use crate::app::job_client::JobReply;
use crate::core::pages::{loaded, PageRequest, PagedProfile};
use js_sys::{Array, Object, Reflect};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// What the worker answers, as postcard bytes (the page already reads the
/// import worker's postcard, so no second decoder comes with it).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum PagesReply<L> {
    /// Loaded and waiting for the job.
    Ready,
    Done {
        loaded: Box<L>,
    },
    /// The job could not be read (not a user's file: a problem of the page).
    Failed {
        message: String,
    },
}

impl<L: DeserializeOwned + 'static> JobReply for PagesReply<L> {
    fn decode(data: &JsValue) -> Option<PagesReply<L>> {
        postcard::from_bytes(&js_sys::Uint8Array::new(data).to_vec()).ok()
    }

    fn is_ready(&self) -> bool {
        matches!(self, PagesReply::Ready)
    }

    fn is_progress(&self) -> bool {
        false
    }
}

/// The job: the demo the worker carries, or the user's files, and what to show.
pub fn job<O: Serialize>(files: Option<&[Source]>, request: &PageRequest<O>) -> JsValue {
    let job = Object::new();
    let bytes = postcard::to_allocvec(request).unwrap_or_default();
    let _ = Reflect::set(&job, &"request".into(), &js_sys::Uint8Array::from(bytes.as_slice()));
    match files {
        None => drop(Reflect::set(&job, &"demo".into(), &JsValue::TRUE)),
        Some(files) => {
            let list: Array = files
                .iter()
                .map(|f| {
                    let entry = Object::new();
                    let _ = Reflect::set(&entry, &"name".into(), &f.name.as_str().into());
                    let _ = Reflect::set(&entry, &"blob".into(), &f.blob);
                    JsValue::from(entry)
                })
                .collect();
            let _ = Reflect::set(&job, &"files".into(), &list);
        }
    }
    job.into()
}

/// A demo the worker carries: its files' names and bytes.
pub type Demo = &'static [(&'static str, &'static [u8])];

/// What the page asks to see.
fn read_request<O: DeserializeOwned>(data: &JsValue) -> Result<PageRequest<O>, String> {
    let bytes = Reflect::get(data, &"request".into()).map_err(|_| "no request")?;
    postcard::from_bytes(&js_sys::Uint8Array::new(&bytes).to_vec()).map_err(|e| e.to_string())
}

/// The files of a job, read whole (the profile's files are small).
fn read_job(data: &JsValue, demo: Demo) -> Result<Vec<(String, Vec<u8>)>, String> {
    if Reflect::get(data, &"demo".into()).is_ok_and(|d| d.is_truthy()) {
        return Ok(demo.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect());
    }
    let files = Reflect::get(data, &"files".into()).map_err(|_| "no files")?;
    let reader = web_sys::FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
    Array::from(&files)
        .iter()
        .map(|entry| {
            let name = Reflect::get(&entry, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .ok_or("a file without a name")?;
            let blob: web_sys::Blob = Reflect::get(&entry, &"blob".into()).map_err(|_| "no blob")?.into();
            let buffer = reader.read_as_array_buffer(&blob).map_err(|e| format!("{name}: {e:?}"))?;
            Ok((name, js_sys::Uint8Array::new(&buffer).to_vec()))
        })
        .collect()
}

/// Contract `P`'s worker's entry: one job in, the pages out.
pub fn start<P: PagedProfile>(demo: Demo) {
    use crate::core::business_days::HolidayTable;
    use crate::core::import::{import, SourceFile};
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let answer = match read_request::<P::Options>(&data).and_then(|r| Ok((r, read_job(&data, demo)?))) {
            Ok((request, files)) => {
                let sources: Vec<SourceFile> =
                    files.iter().map(|(name, bytes)| SourceFile { name, bytes, encoding: None }).collect();
                let report = import::<P>(&sources).shown();
                PagesReply::Done { loaded: Box::new(loaded(&report, HolidayTable::shipped(), &request)) }
            }
            Err(message) => PagesReply::Failed { message },
        };
        post(&reply, &answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &PagesReply::<()>::Ready);
}

fn post<L: Serialize>(scope: &web_sys::DedicatedWorkerGlobalScope, reply: &PagesReply<L>) {
    let bytes = postcard::to_allocvec(reply).unwrap_or_default();
    let _ = scope.post_message(&js_sys::Uint8Array::from(bytes.as_slice()));
}
