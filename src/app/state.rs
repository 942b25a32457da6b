//! The app's state: the loaded files, the user's choices, and the settlement the
//! core derives from them. Records live in memory only; nothing is persisted.

use crate::app::import_client::{ImportClient, Replies, Source};
use crate::app::route::Page;
use crate::app::settings;
use crate::core::business_days::{BusinessCalendar, HolidayTable};
use crate::core::calendar::{DateStyle, YearMonth};
use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
use crate::core::import::schema::ColumnMapping;
use crate::core::import::ImportReport;
use crate::core::money::Yen;
use crate::profiles::pension::records::analysis::{RecordsAnalysis, RecordsOptions};
use crate::profiles::pension::rules::inspection::{InspectionOptions, InspectionScope};
use crate::profiles::pension::rules::recovery::RecoveryShape;
use crate::profiles::pension::rules::{
    evaluate, prepare, Model, Overrides, SettleError, SettleOptions, Settlement,
};
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::pension::views::overview::{Scope, SortKey};
use crate::profiles::pension::views::plan::{plan, Plan, PlanOptions};
use crate::profiles::pension::ShownPensionReport;
use crate::profiles::Contract;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub date_style: RwSignal<DateStyle>,
    /// The contract the app shows (chosen in the header, remembered).
    pub contract: RwSignal<Contract>,
    pub page: RwSignal<Page>,
    /// The files loaded, as Blobs: the worker reads them; the page never holds
    /// their bytes.
    pub sources: RwSignal<Vec<Source>, LocalStorage>,
    /// The files and demo flag before the last load, restored if it is cancelled.
    before_load: StoredValue<(Vec<Source>, bool), LocalStorage>,
    pub import: ImportClient,
    pub is_demo: RwSignal<bool>,
    pub loading: RwSignal<Option<String>>,
    pub options: RwSignal<SettleOptions>,
    /// Encodings the user chose, by file name (the rest are detected).
    pub encodings: RwSignal<Vec<(String, Encoding)>>,
    /// Column mappings the user made (settings: remembered in localStorage).
    pub mappings: RwSignal<Vec<ColumnMapping<PensionTable>>>,
    pub scope: RwSignal<Scope>,
    pub sort: RwSignal<SortKey>,
    /// The office the detail page shows.
    pub office: RwSignal<Option<String>>,
    /// The projector's current slide; `None` when not presenting.
    pub slide: RwSignal<Option<usize>>,
    pub report: RwSignal<ShownPensionReport>,
    /// What the worker computed from the record tables (they stay in the worker).
    pub records: RwSignal<Option<RecordsAnalysis>>,
    pub records_options: RwSignal<RecordsOptions>,
    /// The dataset prepared for the period and as-of month chosen: what the
    /// settlement and every what-if scenario evaluate.
    pub model: Memo<Option<Result<Model, Vec<SettleError>>>>,
    pub settlement: Memo<Option<Result<Settlement, Vec<SettleError>>>>,
    /// The inspection page's choices and the filing days entered on it.
    pub inspection: RwSignal<InspectionChoices>,
    /// The inspection, recovery plan and rate recovery; `None` without an
    /// activity table or while the import blocks it.
    pub plan: Memo<Option<Result<Plan, SettleError>>>,
}

/// What the user chooses on the inspection page (never stored: filing days
/// leave only in the filings file the user downloads).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InspectionChoices {
    pub scope: InspectionScope,
    pub shape: RecoveryShape,
    pub monthly_fee: Option<Yen>,
    pub entered: Vec<(YearMonth, NaiveDate)>,
}

/// Puts back the file list of before the last load (after a cancel or a failed
/// job: the dataset on screen is still the one of that list).
fn restore_before_load(
    before_load: StoredValue<(Vec<Source>, bool), LocalStorage>,
    sources: RwSignal<Vec<Source>, LocalStorage>,
    is_demo: RwSignal<bool>,
) {
    let (list, demo) = before_load.get_value();
    // Untracked: restoring the file list must not start the import again.
    sources.update_untracked(|s| *s = list);
    is_demo.set(demo);
}

impl AppState {
    /// The state of contract `contract`'s app.
    pub fn new(contract: Contract) -> AppState {
        let sources: RwSignal<Vec<Source>, LocalStorage> = RwSignal::new_local(Vec::new());
        let options = RwSignal::new(SettleOptions::default());
        let encodings: RwSignal<Vec<(String, Encoding)>> = RwSignal::new(Vec::new());
        let mappings = RwSignal::new(settings::load_mappings());
        let report = RwSignal::new(ImportReport::default());
        let records = RwSignal::new(None);
        let records_options = RwSignal::new(RecordsOptions::default());
        let import = ImportClient::new();
        let before_load = StoredValue::new_local((Vec::new(), false));
        let is_demo = RwSignal::new(false);
        // Every change of files, encodings or mappings re-runs the import in the
        // worker (the record tables are never held by the page).
        let start = move |options: RecordsOptions| {
            let files = sources.get_untracked();
            if files.is_empty() {
                import.stop();
                report.set(ImportReport::default());
                records.set(None);
            } else {
                let (chosen, maps) = (encodings.get_untracked(), mappings.get_untracked());
                import.start(
                    &files,
                    &chosen,
                    &maps,
                    options,
                    Replies {
                        report: Box::new(move |r| report.set(r)),
                        records: Box::new(move |a| records.set(a)),
                        // A job that died leaves the files as they were, as a cancel does.
                        failed: Box::new(move || restore_before_load(before_load, sources, is_demo)),
                    },
                );
            }
        };
        Effect::new(move |_| {
            sources.track();
            encodings.track();
            mappings.track();
            start(records_options.get_untracked());
        });
        // Other days for the records: the idle worker analyses the tables it kept;
        // while a job is running, the job starts again with the new days.
        Effect::new(move |previous: Option<RecordsOptions>| {
            let options = records_options.get();
            if previous.is_some_and(|p| p != options) && !import.reanalyse(options) {
                start(options);
            }
            options
        });
        let model = Memo::new(move |_| {
            let (period, as_of) = options.with(|o| (o.period, o.as_of));
            report.with(|r| {
                (!r.files.is_empty() && !r.blocks_settlement()).then(|| prepare(&r.dataset, period, as_of))
            })
        });
        let settlement = Memo::new(move |_| {
            let rules = options.with(|o| o.rules());
            model.with(|m| {
                m.as_ref().map(|m| evaluate(m.as_ref().map_err(Clone::clone)?, &rules, &Overrides::none()))
            })
        });
        let inspection = RwSignal::new(InspectionChoices::default());
        let plan = Memo::new(move |_| {
            let choices = inspection.get();
            let settled =
                settlement.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).map(|s| (s.period, s.as_of)));
            let rounding = options.with(|o| o.rounding);
            report.with(|r| {
                if r.blocks_inspection() {
                    return None;
                }
                let latest = r.dataset.activity.iter().map(|a| a.month).max()?;
                let (period, as_of) = settled.map_or((None, latest), |(p, m)| (Some(p), m));
                let options = PlanOptions {
                    period,
                    as_of,
                    inspection: InspectionOptions {
                        scope: choices.scope,
                        today: today(),
                        monthly_fee: choices.monthly_fee,
                        rounding,
                        entered: choices.entered,
                    },
                    shape: choices.shape,
                };
                let calendar = BusinessCalendar::government(HolidayTable::shipped());
                Some(records.with(|a| plan(&r.dataset, a.as_ref().map(|a| &a.promoted), &calendar, &options)))
            })
        });
        AppState {
            inspection,
            plan,
            lang: RwSignal::new(Lang::Ja),
            date_style: RwSignal::new(DateStyle::Wareki),
            contract: RwSignal::new(contract),
            page: RwSignal::new(Page::start(contract)),
            sources,
            before_load,
            import,
            is_demo,
            loading: RwSignal::new(None),
            options,
            encodings,
            mappings,
            scope: RwSignal::new(Scope::All),
            sort: RwSignal::new(SortKey::Achievement),
            office: RwSignal::new(None),
            slide: RwSignal::new(None),
            report,
            records,
            records_options,
            model,
            settlement,
        }
    }

    /// The text of `key` in the current language (reactive).
    pub fn t(&self, key: &str) -> String {
        text(key, self.lang.get())
    }

    /// Opens `contract`'s app (each contract is an app of its own) and
    /// remembers the choice.
    pub fn choose_contract(self, contract: Contract) {
        if contract != self.contract.get_untracked() {
            settings::save_contract(contract);
            let _ = gloo::utils::window().location().assign(&crate::app::embedded::contract_url(contract));
        }
    }

    /// Fetches the demo dataset shipped under `demo/` (same origin) and loads it.
    pub fn load_demo(self) {
        self.loading.set(Some("demo".into()));
        spawn_local(async move {
            let fetched = fetch_demo().await;
            // Files the user added while the demo was on its way win: the demo
            // never replaces them (a link can open the import page at once).
            if self.loading.get_untracked().as_deref() != Some("demo") {
                return;
            }
            match fetched {
                Ok(files) => {
                    self.sources.set(files);
                    self.is_demo.set(true);
                    self.loading.set(None);
                }
                Err(e) => self.loading.set(Some(format!("demo: {e}"))),
            }
        });
    }

    /// Adds the user's files (the demo is dropped first; a file with the same
    /// name replaces the earlier one).
    pub fn load_user_files(self, added: Vec<Source>) {
        self.import.cancelled.set(false);
        if self.loading.get_untracked().as_deref() == Some("demo") {
            self.loading.set(None);
        }
        self.before_load.set_value((self.sources.get_untracked(), self.is_demo.get_untracked()));
        if self.is_demo.get_untracked() {
            self.sources.set(Vec::new());
            self.is_demo.set(false);
        }
        self.sources.update(|files| {
            for file in added {
                files.retain(|f| f.name != file.name);
                files.push(file);
            }
        });
    }

    /// The settlement when there is one (no problems, no settle errors).
    pub fn settled(&self) -> Option<Settlement> {
        self.settlement.get().and_then(Result::ok)
    }

    /// Opens the detail page of an office.
    pub fn show_office(self, code: String) {
        self.office.set(Some(code));
        self.page.set(Page::Office);
    }

    /// Reads `file` in `encoding` from now on (`None`: detect again).
    pub fn choose_encoding(self, file: &str, encoding: Option<Encoding>) {
        self.encodings.update(|list| {
            list.retain(|(n, _)| n != file);
            if let Some(e) = encoding {
                list.push((file.to_string(), e));
            }
        });
    }

    /// Remembers a column mapping (and re-reads the files with it).
    pub fn remember_mapping(self, mapping: ColumnMapping<PensionTable>) {
        self.mappings.update(|list| {
            list.retain(|m| m.signature != mapping.signature);
            list.push(mapping);
        });
        settings::save_mappings(&self.mappings.get_untracked());
    }

    /// Cancels the running import: the files and the data are as they were before
    /// the load that started it (the report was never replaced).
    pub fn cancel_import(self) {
        self.import.cancel();
        restore_before_load(self.before_load, self.sources, self.is_demo);
    }

    /// Forgets everything loaded (the column mappings, which are settings, stay).
    pub fn clear(self) {
        self.sources.set(Vec::new());
        self.encodings.set(Vec::new());
        self.is_demo.set(false);
    }
}

/// The text of `key` in the current language, as a reactive view. Every label
/// of the app is this one closure type, so the Wasm carries one copy of the
/// code that draws and updates a label instead of one per label (docs/bench.md).
pub fn tr(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let state = expect_context::<AppState>();
    move || state.t(key)
}

/// The text of a key made at run time (`kind.current`), as a reactive view:
/// like [`tr`], one closure type for every such label.
pub fn tr_key(key: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let state = expect_context::<AppState>();
    move || state.t(&key)
}

/// Today in the browser's time zone: the day 理由書 deadlines are judged on.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .unwrap_or_default()
}

async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let response = gloo::net::http::Request::get(path).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    response.binary().await.map_err(|e| e.to_string())
}

async fn fetch_demo() -> Result<Vec<Source>, String> {
    if let Some(files) = crate::app::embedded::demo_files() {
        return Ok(files);
    }
    let manifest = fetch_bytes("demo/manifest.json").await?;
    let names: Vec<String> = serde_json::from_slice(&manifest).map_err(|e| e.to_string())?;
    let mut files = Vec::with_capacity(names.len());
    for name in names {
        let bytes = fetch_bytes(&format!("demo/{name}")).await?;
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|e| format!("{e:?}"))?;
        files.push(Source { name, blob });
    }
    Ok(files)
}
