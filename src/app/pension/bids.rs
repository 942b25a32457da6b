//! The 入札試算 page's state, kept while the user visits other pages: the
//! form, the job running in the bid worker, and its answer.

use crate::app::bid_worker::encode_job;
use crate::app::bid_worker::{BidJob, BidReply, ShownError};
use crate::app::embedded::bid_worker_url;
use crate::app::job_client::{self, JobRun as BidRun};
use crate::app::now_ms;
use crate::app::state::AppState;
use crate::profiles::pension::bidding::form::{BidForm, FieldError, OfficeSource};
use crate::profiles::pension::bidding::{BidInput, BidResult};
use leptos::prelude::*;

/// Where a bid is.
#[derive(Debug, Clone, PartialEq)]
pub enum BidStatus {
    Idle,
    /// Fields that do not read: nothing was started.
    Unread(Vec<FieldError>),
    Running {
        done: u32,
        runs: u32,
    },
    Done {
        result: BidResult,
        millis: f64,
    },
    Failed(Vec<ShownError>),
    /// The worker could not start or stopped (its reason, as the browser gave it).
    Crashed(String),
}

#[derive(Clone, Copy)]
pub struct Bids {
    pub form: RwSignal<BidForm>,
    pub status: RwSignal<BidStatus>,
    run: StoredValue<Option<BidRun>, LocalStorage>,
}

impl Bids {
    pub fn new() -> Bids {
        Bids {
            form: RwSignal::new(BidForm::default()),
            status: RwSignal::new(BidStatus::Idle),
            run: StoredValue::new_local(None),
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.status.get(), BidStatus::Running { .. })
    }

    /// The bid the form says, over the data's period the file names, else
    /// the one the app shows; and the fields that do not read.
    pub fn read(&self, state: AppState) -> (BidInput, Vec<FieldError>) {
        let (mut input, errors) = self.form.with_untracked(BidForm::read);
        input.period = input.period.or(state.options.with_untracked(|o| o.period));
        (input, errors)
    }

    /// Reads the form and starts the bid over the data loaded or a synthetic district.
    pub fn start(self, state: AppState) {
        self.cancel();
        let (input, errors) = self.read(state);
        if !errors.is_empty() {
            return self.status.set(BidStatus::Unread(errors));
        }
        let data = match self.form.with_untracked(|f| f.source) {
            OfficeSource::Synthetic => None,
            OfficeSource::Loaded => Some(state.report.with_untracked(|r| r.dataset.clone())),
        };
        let runs = input.runs();
        self.status.set(BidStatus::Running { done: 0, runs });
        let started = now_ms();
        let status = self.status;
        let job = encode_job(&BidJob { input, data });
        let run = job_client::start(&bid_worker_url(), job, move |reply| {
            status.set(match reply {
                Ok(BidReply::Progress { done, runs }) => BidStatus::Running { done, runs },
                Ok(BidReply::Done { result }) => BidStatus::Done { result, millis: now_ms() - started },
                Ok(BidReply::Failed { errors }) => BidStatus::Failed(errors),
                Ok(BidReply::Ready) => return,
                Err(reason) => BidStatus::Crashed(reason),
            })
        });
        self.run.set_value(run);
    }

    /// Stops a running bid; its answer is dropped.
    pub fn cancel(&self) {
        if let Some(run) = self.run.try_update_value(Option::take).flatten() {
            run.cancel();
            if self.is_running() {
                self.status.set(BidStatus::Idle);
            }
        }
    }
}
