//! The export Web Worker: writes a [`Workbook`] as .xlsx. It is a Wasm of its
//! own, started only when the user asks for a workbook, so the xlsx writer
//! (rust_xlsxwriter and its zip) costs nothing on a first visit. One message
//! each way, encoded only here: page → worker the workbook as postcard bytes
//! bytes; worker → page `{ kind: "xlsx", bytes }` or `{ kind: "failed",
//! message }`.

use crate::core::export::xlsx::workbook_xlsx;
use crate::core::export::Workbook;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the export worker answers.
pub enum ExportReply {
    /// The workbook's bytes.
    Xlsx(Vec<u8>),
    /// Why it could not be written.
    Failed(String),
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// The workbook as the page posts it.
pub fn encode_workbook(book: &Workbook) -> Uint8Array {
    Uint8Array::from(postcard::to_allocvec(book).unwrap_or_default().as_slice())
}

fn decode_workbook(data: &JsValue) -> Result<Workbook, String> {
    let bytes = data.dyn_ref::<Uint8Array>().ok_or("the message is not a workbook")?.to_vec();
    postcard::from_bytes(&bytes).map_err(|e| e.to_string())
}

impl ExportReply {
    fn encode(&self) -> JsValue {
        let msg = Object::new();
        match self {
            ExportReply::Xlsx(bytes) => {
                set(&msg, "kind", &"xlsx".into());
                set(&msg, "bytes", &Uint8Array::from(bytes.as_slice()).into());
            }
            ExportReply::Failed(message) => {
                set(&msg, "kind", &"failed".into());
                set(&msg, "message", &message.as_str().into());
            }
        }
        msg.into()
    }

    pub fn decode(data: &JsValue) -> ExportReply {
        match get(data, "kind").as_string().as_deref() {
            Some("xlsx") => ExportReply::Xlsx(Uint8Array::new(&get(data, "bytes")).to_vec()),
            Some("failed") => ExportReply::Failed(get(data, "message").as_string().unwrap_or_default()),
            other => ExportReply::Failed(format!("unknown reply {other:?}")),
        }
    }
}

/// The worker's entry: one workbook in, its bytes out.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let answer = match decode_workbook(&ev.data()) {
            Ok(book) => workbook_xlsx(&book).map_or_else(|e| ExportReply::Failed(e.0), ExportReply::Xlsx),
            Err(message) => ExportReply::Failed(message),
        };
        let _ = reply.post_message(&answer.encode());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
