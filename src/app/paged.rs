//! The state of a contract whose pages its worker writes out (the call
//! centre, the dunning blocks): what the worker last answered, the options in
//! force and the day judged. Any change of them (or of the language or date
//! style) asks the worker again; the pages only ask and draw.

use crate::app::embedded::paged_worker_url;
use crate::app::import_client::Source;
use crate::app::job_client::{self, JobRun};
use crate::app::pages_worker::{job, PagesReply};
use crate::app::state::AppState;
use crate::core::pages::{LoadedOf, PageRequest, PagedProfile};
use crate::profiles::Contract;
use chrono::NaiveDate;
use leptos::prelude::*;

pub struct PagedState<P: PagedProfile> {
    pub contract: Contract,
    pub loaded: RwSignal<Option<LoadedOf<P>>>,
    pub is_demo: RwSignal<bool>,
    pub busy: RwSignal<bool>,
    /// Why the worker could not answer (not a file's problem: those are in `loaded`).
    pub failure: RwSignal<Option<String>>,
    pub options: RwSignal<P::Options>,
    /// The day judged; `None`: the last day the files reach.
    pub as_of: RwSignal<Option<NaiveDate>>,
    /// Bumped by each load, so that the request effect runs for it.
    loads: RwSignal<u32>,
    run: StoredValue<Option<JobRun>, LocalStorage>,
    /// The files of the last load (`None`: the demo the worker carries).
    files: StoredValue<Option<Vec<Source>>, LocalStorage>,
}

impl<P: PagedProfile> Clone for PagedState<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: PagedProfile> Copy for PagedState<P> {}

impl<P: PagedProfile> PagedState<P> {
    /// The state, and the effect that asks the worker whenever a load, an
    /// option, the day, the language or the date style changes.
    pub fn new(state: AppState) -> PagedState<P> {
        let paged = PagedState {
            contract: state.contract.get_untracked(),
            loaded: RwSignal::new(None),
            is_demo: RwSignal::new(false),
            busy: RwSignal::new(false),
            failure: RwSignal::new(None),
            options: RwSignal::new(P::Options::default()),
            as_of: RwSignal::new(None),
            loads: RwSignal::new(0),
            run: StoredValue::new_local(None),
            files: StoredValue::new_local(None),
        };
        Effect::new(move |_| {
            let request = PageRequest {
                options: paged.options.get(),
                as_of: paged.as_of.get(),
                lang: state.lang.get(),
                dates: state.date_style.get(),
            };
            if paged.loads.get() > 0 {
                paged.ask(request);
            }
        });
        paged
    }

    /// The pages of the last answer.
    pub fn pages<T>(self, f: impl FnOnce(&P::Pages) -> T) -> Option<T> {
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

    fn ask(self, request: PageRequest<P::Options>) {
        if let Some(run) = self.run.get_value() {
            run.cancel();
        }
        self.busy.set(true);
        self.failure.set(None);
        let job = self.files.with_value(|f| job(f.as_deref(), &request));
        let url = paged_worker_url(self.contract);
        let run = job_client::start(&url, job, move |reply| {
            self.busy.set(false);
            match reply {
                Ok(PagesReply::Done { loaded }) => self.loaded.set(Some(*loaded)),
                Ok(PagesReply::Failed { message }) | Err(message) => self.failure.set(Some(message)),
                Ok(PagesReply::Ready) => {}
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
