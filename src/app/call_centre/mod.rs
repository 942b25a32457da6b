//! The call centre's pages (profile B, #16): progress and the shortfall
//! warning, quality, the reports and deadlines, and the meeting's slides. The
//! files are read, and every page written out as blocks, in the profile's own
//! worker ([`crate::profiles::call_centre::pages`]); the pages here only ask
//! and draw.

mod draw;
pub mod pages;
pub mod projector;

use crate::app::call_centre_worker::{job, CallCentreReply};
use crate::app::embedded::call_centre_worker_url;
use crate::app::import_client::Source;
use crate::app::job_client::{self, JobRun};
use crate::app::state::AppState;
use crate::profiles::call_centre::pages::{Loaded, PageRequest, Pages};
use crate::profiles::call_centre::view::Options;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The profile's state: what the worker last answered, the options in force
/// and the day judged. Any change of them (or of the language or date style)
/// asks the worker again.
#[derive(Clone, Copy)]
pub struct CallCentreState {
    pub loaded: RwSignal<Option<Loaded>>,
    pub is_demo: RwSignal<bool>,
    pub busy: RwSignal<bool>,
    /// Why the worker could not answer (not a file's problem: those are in `loaded`).
    pub failure: RwSignal<Option<String>>,
    pub options: RwSignal<Options>,
    /// The day judged; `None`: the last day the log reaches.
    pub as_of: RwSignal<Option<NaiveDate>>,
    /// Bumped by each load, so that the request effect runs for it.
    loads: RwSignal<u32>,
    run: StoredValue<Option<JobRun>, LocalStorage>,
    /// The files of the last load (`None`: the demo the worker carries).
    files: StoredValue<Option<Vec<Source>>, LocalStorage>,
}

impl CallCentreState {
    /// The state, and the effect that asks the worker whenever a load, an
    /// option, the day, the language or the date style changes.
    pub fn new(state: AppState) -> CallCentreState {
        let cc = CallCentreState {
            loaded: RwSignal::new(None),
            is_demo: RwSignal::new(false),
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
            options: RwSignal::new(Options::default()),
            as_of: RwSignal::new(None),
            loads: RwSignal::new(0),
            run: StoredValue::new_local(None),
            files: StoredValue::new_local(None),
        };
        Effect::new(move |_| {
            let request = PageRequest {
                options: cc.options.get(),
                as_of: cc.as_of.get(),
                lang: state.lang.get(),
                dates: state.date_style.get(),
            };
            if cc.loads.get() > 0 {
                cc.ask(request);
            }
        });
        cc
    }

    /// The pages of the last answer.
    pub fn pages<T>(self, f: impl FnOnce(&Pages) -> T) -> Option<T> {
        self.loaded.with(|l| l.as_ref().and_then(|l| l.pages.as_ref()).map(f))
    }

    /// Reads the user's files (`None`: the demo the worker carries), replacing
    /// what was loaded once the worker answers.
    pub fn load(self, files: Option<Vec<Source>>) {
        self.is_demo.set(files.is_none());
        self.files.set_value(files);
        self.as_of.set(None);
        self.loads.update(|n| *n += 1);
    }

    fn ask(self, request: PageRequest) {
        if let Some(run) = self.run.get_value() {
            run.cancel();
        }
        self.busy.set(true);
        self.failure.set(None);
        let job = self.files.with_value(|f| job(f.as_deref(), &request));
        let run = job_client::start(&call_centre_worker_url(), job, move |reply| {
            self.busy.set(false);
            match reply {
                Ok(CallCentreReply::Done { loaded }) => self.loaded.set(Some(*loaded)),
                Ok(CallCentreReply::Failed { message }) | Err(message) => self.failure.set(Some(message)),
                Ok(CallCentreReply::Ready) => {}
            }
        });
        self.run.set_value(run);
    }

    /// Loads the demo the first time the profile is opened.
    pub fn ensure_loaded(self) {
        if self.loads.get_untracked() == 0 {
            self.load(None);
        }
    }
}
