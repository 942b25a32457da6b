//! A worker started for one job (a bid, the call centre's files): the page
//! starts it (its own Wasm, fetched on first use), posts the job once it says
//! it is ready, hears its progress, and ends it when it answers or when the
//! user cancels (a terminated worker leaves nothing).

use crate::app::embedded::classic_worker;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a one-job worker answers.
pub trait JobReply: Sized + 'static {
    fn decode(data: &JsValue) -> Option<Self>;
    /// The worker is loaded and waits for the job.
    fn is_ready(&self) -> bool;
    /// A report on the way; the answer is still to come.
    fn is_progress(&self) -> bool;
}

/// The worker's handlers, kept alive until it answers.
type Handlers = Rc<RefCell<Vec<Closure<dyn FnMut(JsValue)>>>>;

/// A running job; dropping it does not stop it, [`JobRun::cancel`] does.
#[derive(Clone)]
pub struct JobRun {
    worker: web_sys::Worker,
    handlers: Handlers,
}

impl JobRun {
    /// Ends the worker and its job.
    pub fn cancel(&self) {
        self.worker.terminate();
        self.handlers.borrow_mut().clear();
    }
}

/// Starts the worker at `url` on `job`; `on_reply` hears every progress report
/// and then the answer (a worker that fails to start or crashes answers `Err`
/// with its reason).
pub fn start<R: JobReply>(
    url: &str,
    job: JsValue,
    on_reply: impl Fn(Result<R, String>) + 'static,
) -> Option<JobRun> {
    let worker = match classic_worker(url) {
        Ok(w) => w,
        Err(e) => {
            on_reply(Err(e));
            return None;
        }
    };
    let run = JobRun { worker: worker.clone(), handlers: Rc::default() };
    let on_reply = Rc::new(on_reply);
    let mut job = Some(job);
    let on_message = {
        let (run, on_reply) = (run.clone(), on_reply.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            match R::decode(&ev.unchecked_into::<web_sys::MessageEvent>().data()) {
                Some(r) if r.is_ready() => {
                    if let Some(job) = job.take() {
                        let _ = run.worker.post_message(&job);
                    }
                }
                Some(r) if r.is_progress() => on_reply(Ok(r)),
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
