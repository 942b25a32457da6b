//! The app's state: the loaded files, the user's choices, and the settlement the
//! core derives from them. Records live in memory only; nothing is persisted.

use crate::app::settings;
use crate::core::calendar::DateStyle;
use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
use crate::core::import::schema::ColumnMapping;
use crate::core::import::{import_with, ImportReport, SourceFile};
use crate::core::rules::pension::overview::{Scope, SortKey};
use crate::core::rules::pension::{settle, SettleError, SettleOptions, Settlement};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Overview,
    Office,
    Rule,
    Import,
    Records,
}

impl Page {
    pub const ALL: [Page; 5] = [Page::Overview, Page::Office, Page::Rule, Page::Import, Page::Records];

    pub fn key(self) -> &'static str {
        match self {
            Page::Overview => "nav.overview",
            Page::Office => "nav.office",
            Page::Rule => "nav.rule",
            Page::Import => "nav.import",
            Page::Records => "nav.records",
        }
    }
}

/// A file the user (or the demo) gave, kept as bytes so a changed encoding can be
/// re-read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub date_style: RwSignal<DateStyle>,
    pub page: RwSignal<Page>,
    pub files: RwSignal<Vec<LoadedFile>>,
    pub is_demo: RwSignal<bool>,
    pub loading: RwSignal<Option<String>>,
    pub options: RwSignal<SettleOptions>,
    /// Encodings the user chose, by file name (the rest are detected).
    pub encodings: RwSignal<Vec<(String, Encoding)>>,
    /// Column mappings the user made (settings: remembered in localStorage).
    pub mappings: RwSignal<Vec<ColumnMapping>>,
    pub scope: RwSignal<Scope>,
    pub sort: RwSignal<SortKey>,
    /// The office the detail page shows.
    pub office: RwSignal<Option<String>>,
    /// The projector's current slide; `None` when not presenting.
    pub slide: RwSignal<Option<usize>>,
    pub report: Memo<ImportReport>,
    pub settlement: Memo<Option<Result<Settlement, Vec<SettleError>>>>,
}

impl AppState {
    pub fn new() -> AppState {
        let files: RwSignal<Vec<LoadedFile>> = RwSignal::new(Vec::new());
        let options = RwSignal::new(SettleOptions::default());
        let encodings: RwSignal<Vec<(String, Encoding)>> = RwSignal::new(Vec::new());
        let mappings = RwSignal::new(settings::load_mappings());
        let report = Memo::new(move |_| {
            let chosen = encodings.get();
            let encoding_of = |name: &str| chosen.iter().find(|(n, _)| n == name).map(|(_, e)| *e);
            files.with(|files| {
                let sources: Vec<SourceFile> = files
                    .iter()
                    .map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: encoding_of(&f.name) })
                    .collect();
                import_with(&sources, mappings.get())
            })
        });
        let settlement = Memo::new(move |_| {
            report.with(|r| {
                (!r.files.is_empty() && !r.blocks_settlement()).then(|| settle(&r.dataset, &options.get()))
            })
        });
        AppState {
            lang: RwSignal::new(Lang::Ja),
            date_style: RwSignal::new(DateStyle::Wareki),
            page: RwSignal::new(Page::Overview),
            files,
            is_demo: RwSignal::new(false),
            loading: RwSignal::new(None),
            options,
            encodings,
            mappings,
            scope: RwSignal::new(Scope::All),
            sort: RwSignal::new(SortKey::Achievement),
            office: RwSignal::new(None),
            slide: RwSignal::new(None),
            report,
            settlement,
        }
    }

    /// The text of `key` in the current language (reactive).
    pub fn t(&self, key: &str) -> String {
        text(key, self.lang.get())
    }

    /// Fetches the demo dataset shipped under `demo/` (same origin) and loads it.
    pub fn load_demo(self) {
        self.loading.set(Some("demo".into()));
        spawn_local(async move {
            match fetch_demo().await {
                Ok(files) => {
                    self.files.set(files);
                    self.is_demo.set(true);
                    self.loading.set(None);
                }
                Err(e) => self.loading.set(Some(format!("demo: {e}"))),
            }
        });
    }

    /// Replaces the loaded data with the user's files (the demo is dropped).
    pub fn load_user_files(self, added: Vec<LoadedFile>) {
        if self.is_demo.get_untracked() {
            self.files.set(Vec::new());
            self.is_demo.set(false);
        }
        self.files.update(|files| {
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
    pub fn remember_mapping(self, mapping: ColumnMapping) {
        self.mappings.update(|list| {
            list.retain(|m| m.signature != mapping.signature);
            list.push(mapping);
        });
        settings::save_mappings(&self.mappings.get_untracked());
    }

    /// Forgets everything loaded (the column mappings, which are settings, stay).
    pub fn clear(self) {
        self.files.set(Vec::new());
        self.encodings.set(Vec::new());
        self.is_demo.set(false);
    }
}

async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let response = gloo::net::http::Request::get(path).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    response.binary().await.map_err(|e| e.to_string())
}

async fn fetch_demo() -> Result<Vec<LoadedFile>, String> {
    let manifest = fetch_bytes("demo/manifest.json").await?;
    let names: Vec<String> = serde_json::from_slice(&manifest).map_err(|e| e.to_string())?;
    let mut files = Vec::with_capacity(names.len());
    for name in names {
        let bytes = fetch_bytes(&format!("demo/{name}")).await?;
        files.push(LoadedFile { name, bytes });
    }
    Ok(files)
}
