//! The bid Web Worker (#15): runs a bidder's Monte Carlo off the page, so the
//! page never freezes. A Wasm of its own, started for one job and ended by
//! the page when it answers or is cancelled (a cancelled worker is
//! terminated: nothing of the job is left). The seam is typed and encoded
//! only here, as JSON both ways: page → worker one [`BidJob`]; worker → page
//! [`BidReply`]s, a progress report every
//! [`crate::profiles::pension::bidding::simulate::CHUNK`] runs, then the
//! result or the errors.

use crate::core::i18n::Lang;
use crate::profiles::pension::bidding::{BidError, BidInput, BidResult};
use crate::profiles::pension::dataset::PensionDataset;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// What the page asks: the bid over a dataset (aggregate tables only; the
/// record tables stay in the import worker), or over the input's synthetic
/// district (made in the worker) when there is none.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BidJob {
    pub input: BidInput,
    pub data: Option<PensionDataset>,
}

/// An error as the page shows it, written in both languages by the worker
/// (the page then carries no code to read every error).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownError {
    pub ja: String,
    pub en: String,
}

impl ShownError {
    pub fn of(e: &BidError) -> ShownError {
        ShownError { ja: e.message(Lang::Ja), en: e.message(Lang::En) }
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// What the worker answers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "reply", rename_all = "snake_case")]
pub enum BidReply {
    /// Loaded and waiting for the job.
    Ready,
    Progress {
        done: u32,
        runs: u32,
    },
    Done {
        result: BidResult,
    },
    Failed {
        errors: Vec<ShownError>,
    },
}

impl crate::app::job_client::JobReply for BidReply {
    fn decode(data: &JsValue) -> Option<BidReply> {
        serde_json::from_str(&data.as_string()?).ok()
    }

    fn is_ready(&self) -> bool {
        matches!(self, BidReply::Ready)
    }

    fn is_progress(&self) -> bool {
        matches!(self, BidReply::Progress { .. })
    }
}

impl BidReply {
    #[cfg(feature = "bidding")]
    fn encode(&self) -> JsValue {
        JsValue::from_str(&serde_json::to_string(self).unwrap_or_default())
    }
}

/// The job as the page posts it.
pub fn encode_job(job: &BidJob) -> JsValue {
    JsValue::from_str(&serde_json::to_string(job).unwrap_or_default())
}

/// The worker's entry: one job in, progress and the answer out.
#[cfg(feature = "bidding")]
pub fn start() {
    use crate::profiles::pension::bidding;
    use std::ops::ControlFlow;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let post = |r: BidReply| drop(reply.post_message(&r.encode()));
        let failed =
            |errors: Vec<BidError>| BidReply::Failed { errors: errors.iter().map(ShownError::of).collect() };
        let job = ev.data().as_string().and_then(|json| serde_json::from_str::<BidJob>(&json).ok());
        let Some(job) = job else {
            let setting = "job".to_string();
            let e = BidError::OutOfRange { setting, value: "?".into(), allowed: "a BidJob".into() };
            return post(failed(vec![e]));
        };
        let data = match (job.data, &job.input.synthetic) {
            (Some(data), _) => data,
            (None, Some(s)) => match bidding::synthetic::dataset(s) {
                Ok(data) => data,
                Err(e) => return post(failed(vec![e])),
            },
            (None, None) => PensionDataset::default(),
        };
        let runs = job.input.runs();
        let progress = |done| {
            post(BidReply::Progress { done, runs });
            ControlFlow::Continue(())
        };
        match bidding::run(&data, &job.input, progress) {
            Ok(Some(result)) => post(BidReply::Done { result }),
            Ok(None) => {}
            Err(errors) => post(failed(errors)),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&BidReply::Ready.encode());
}
