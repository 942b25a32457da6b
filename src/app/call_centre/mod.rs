//! The call centre's pages (profile B, #16): progress and the shortfall
//! warning, quality, the reports and deadlines, and the meeting's slides. The
//! files are read in the profile's own worker; every figure comes from
//! [`crate::profiles::call_centre::view::overview`].

mod draw;
pub mod pages;
pub mod projector;

use crate::app::call_centre_worker::{job, CallCentreReply};
use crate::app::embedded::call_centre_worker_url;
use crate::app::import_client::Source;
use crate::app::job_client::{self, JobRun};
use crate::app::state::AppState;
use crate::core::business_days::HolidayTable;
use crate::profiles::call_centre::view::{latest_day, overview, Options, Overview};
use crate::profiles::call_centre::ShownCallCentreReport;
use crate::profiles::{other_contract_of, Contract};
use chrono::NaiveDate;
use leptos::prelude::*;

/// A folder tells its contract when that is clear: files loaded for one
/// contract whose every header is the other's are handed over, and the app
/// shows the other contract.
pub fn hand_over(state: AppState, cc: CallCentreState) {
    Effect::new(move |_| {
        let headers = state.report.with(|r| r.headers_if_none_matched());
        if headers.and_then(|h| other_contract_of(&h, Contract::NationalPension))
            == Some(Contract::MunicipalCallCentre)
        {
            let files = state.sources.get_untracked();
            state.sources.set(Vec::new());
            state.choose_contract(Contract::MunicipalCallCentre);
            cc.load(Some(files));
        }
    });
    Effect::new(move |_| {
        let headers = cc.report.with(|r| r.as_ref().and_then(|r| r.headers_if_none_matched()));
        if headers.and_then(|h| other_contract_of(&h, Contract::MunicipalCallCentre))
            == Some(Contract::NationalPension)
        {
            state.choose_contract(Contract::NationalPension);
            state.load_user_files(cc.files.get_value());
            cc.report.set(None);
        }
    });
}

/// The profile's state: its import, the options in force, the as-of day and
/// what they make.
#[derive(Clone, Copy)]
pub struct CallCentreState {
    pub report: RwSignal<Option<ShownCallCentreReport>>,
    pub is_demo: RwSignal<bool>,
    pub busy: RwSignal<bool>,
    /// Why the worker could not answer (not a file's problem: those are in the report).
    pub failure: RwSignal<Option<String>>,
    pub options: RwSignal<Options>,
    /// The day judged; `None`: the last day the log reaches.
    pub as_of: RwSignal<Option<NaiveDate>>,
    /// Everything shown; `None` before a load or while a file or row is lost.
    pub overview: Memo<Option<Overview>>,
    run: StoredValue<Option<JobRun>, LocalStorage>,
    /// The user's files of the last load (handed to the pension contract when
    /// they are its tables).
    files: StoredValue<Vec<Source>, LocalStorage>,
}

impl CallCentreState {
    pub fn new() -> CallCentreState {
        let report = RwSignal::new(None::<ShownCallCentreReport>);
        let options = RwSignal::new(Options::default());
        let as_of = RwSignal::new(None);
        let overview = Memo::new(move |_| {
            let options = options.get();
            let day = as_of.get();
            report.with(|r| {
                let r = r.as_ref().filter(|r| !r.lost_rows_of(|_| true))?;
                let day = day.unwrap_or_else(|| latest_day(&r.dataset));
                Some(overview(&r.dataset, HolidayTable::shipped(), options, day))
            })
        });
        CallCentreState {
            report,
            is_demo: RwSignal::new(false),
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
            options,
            as_of,
            overview,
            run: StoredValue::new_local(None),
            files: StoredValue::new_local(Vec::new()),
        }
    }

    /// Reads the user's files (`None`: the demo the worker carries), replacing
    /// what was loaded once the worker answers.
    pub fn load(self, files: Option<Vec<Source>>) {
        if let Some(run) = self.run.get_value() {
            run.cancel();
        }
        let demo = files.is_none();
        self.files.set_value(files.clone().unwrap_or_default());
        self.busy.set(true);
        self.failure.set(None);
        let run = job_client::start(&call_centre_worker_url(), job(files.as_deref()), move |reply| {
            self.busy.set(false);
            match reply {
                Ok(CallCentreReply::Done { report }) => {
                    self.report.set(Some(*report));
                    self.is_demo.set(demo);
                    self.as_of.set(None);
                }
                Ok(CallCentreReply::Failed { message }) | Err(message) => self.failure.set(Some(message)),
                Ok(CallCentreReply::Ready) => {}
            }
        });
        self.run.set_value(run);
    }

    /// Loads the demo the first time the profile is opened.
    pub fn ensure_loaded(self) {
        if self.report.with_untracked(Option::is_none) && !self.busy.get_untracked() {
            self.load(None);
        }
    }
}
