//! Running a bid: the page starts the bid worker (its own Wasm, fetched on
//! first use), posts the job, hears progress, and ends the worker when it
//! answers or when the user cancels (a terminated worker leaves nothing).

use crate::app::bid_worker::{encode_job, BidJob, BidReply};
use crate::app::embedded::{bid_worker_url, classic_worker};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's handlers, kept alive until it answers.
type Handlers = Rc<RefCell<Vec<Closure<dyn FnMut(JsValue)>>>>;

/// A running bid; dropping it does not stop it, [`BidRun::cancel`] does.
#[derive(Clone)]
pub struct BidRun {
    worker: web_sys::Worker,
    handlers: Handlers,
}

impl BidRun {
    /// Ends the worker and its job.
    pub fn cancel(&self) {
        self.worker.terminate();
        self.handlers.borrow_mut().clear();
    }
}

/// Starts `job`; `on_reply` hears every progress report and then the answer
/// (a worker that fails to start or crashes answers `Err` with its reason).
pub fn start(job: BidJob, on_reply: impl Fn(Result<BidReply, String>) + 'static) -> Option<BidRun> {
    let worker = match classic_worker(&bid_worker_url()) {
        Ok(w) => w,
        Err(e) => {
            on_reply(Err(e));
            return None;
        }
    };
    let run = BidRun { worker: worker.clone(), handlers: Rc::default() };
    let on_reply = Rc::new(on_reply);
    let mut job = Some(job);
    let on_message = {
        let (run, on_reply) = (run.clone(), on_reply.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let reply = BidReply::decode(&ev.unchecked_into::<web_sys::MessageEvent>().data());
            match reply {
                Some(BidReply::Ready) => {
                    if let Some(job) = job.take() {
                        let _ = run.worker.post_message(&encode_job(&job));
                    }
                }
                Some(r @ BidReply::Progress { .. }) => on_reply(Ok(r)),
                Some(r) => {
                    run.cancel();
                    on_reply(Ok(r));
                }
                None => {
                    run.cancel();
                    on_reply(Err("unreadable reply".into()));
                }
            }
        })
    };
    let on_error = {
        let run = run.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let ev = ev.unchecked_into::<web_sys::ErrorEvent>();
            ev.prevent_default();
            run.cancel();
            on_reply(Err(ev.message()));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    run.handlers.borrow_mut().extend([on_message, on_error]);
    Some(run)
}
