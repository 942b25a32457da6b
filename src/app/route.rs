//! Where the app is, as the URL's fragment, so that a page, an office and a
//! slide can be linked and bookmarked: `#/overview`, `#/office/90101`,
//! `#/rule`, `#/import`, `#/records`, `#/slides/3` (1-based). A fragment never
//! reaches a server, so it works from a plain static server and from a file
//! opened from disk.
//!
//! Not `leptos_router`: its 0.8 router reads the URL's path only (hash routes
//! are an open request, leptos-rs/leptos#2184), and a path route breaks both a
//! static server without rewrites and `file://`. This module is the whole of
//! the routing: a typed [`Route`], and the two-way sync with the state.

use crate::app::state::AppState;
use crate::profiles::Contract;
use leptos::prelude::*;

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Page {
    Overview,
    /// The call centre's progress and pace (profile B).
    #[strum(serialize = "call-progress")]
    CallProgress,
    #[strum(serialize = "call-quality")]
    CallQuality,
    #[strum(serialize = "call-reports")]
    CallReports,
    /// The dunning blocks' pages (profile C).
    #[strum(serialize = "dunning-progress")]
    DunningProgress,
    #[strum(serialize = "dunning-duties")]
    DunningDuties,
    #[strum(serialize = "dunning-codes")]
    DunningCodes,
    #[strum(serialize = "dunning-reports")]
    DunningReports,
    #[strum(serialize = "dunning-money")]
    DunningMoney,
    Office,
    Inspection,
    WhatIf,
    Bid,
    Tender,
    Calendar,
    Rule,
    Import,
    Records,
}

impl Page {
    pub const ALL: &'static [Page] = <Page as strum::VariantArray>::VARIANTS;

    /// The page's name in the URL (`#/records`).
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn key(self) -> &'static str {
        match self {
            Page::Overview => "nav.overview",
            Page::CallProgress => "nav.call_progress",
            Page::CallQuality => "nav.call_quality",
            Page::CallReports => "nav.call_reports",
            Page::DunningProgress => "nav.dn_progress",
            Page::DunningDuties => "nav.dn_duties",
            Page::DunningCodes => "nav.dn_codes",
            Page::DunningReports => "nav.dn_reports",
            Page::DunningMoney => "nav.dn_money",
            Page::Office => "nav.office",
            Page::Inspection => "nav.inspection",
            Page::WhatIf => "nav.whatif",
            Page::Bid => "nav.bid",
            Page::Tender => "nav.tender",
            Page::Calendar => "nav.calendar",
            Page::Rule => "nav.rule",
            Page::Import => "nav.import",
            Page::Records => "nav.records",
        }
    }
}

impl Page {
    /// The contract whose page this is (the tender's calculators are profile C's).
    pub fn contract(self) -> Contract {
        match self {
            Page::CallProgress | Page::CallQuality | Page::CallReports => Contract::MunicipalCallCentre,
            Page::DunningProgress
            | Page::DunningDuties
            | Page::DunningCodes
            | Page::DunningReports
            | Page::DunningMoney
            | Page::Tender => Contract::WorkersCompensationDunning,
            _ => Contract::NationalPension,
        }
    }

    /// The page a contract opens on.
    pub fn start(contract: Contract) -> Page {
        match contract {
            Contract::MunicipalCallCentre => Page::CallProgress,
            Contract::WorkersCompensationDunning => Page::DunningProgress,
            _ => Page::Overview,
        }
    }
}

/// A place in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Page(Page),
    /// The office detail page, on one office.
    Office(String),
    /// Projector mode, on slide `n` (0-based here, 1-based in the URL).
    Slide(usize),
}

impl Route {
    /// Reads a fragment (`#/office/90101`); `None` for anything else.
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash).strip_prefix('/')?;
        let mut parts = path.split('/');
        let route = match (parts.next()?, parts.next()) {
            ("slides", Some(n)) => Route::Slide(n.parse::<usize>().ok()?.checked_sub(1)?),
            ("office", Some(code)) if !code.is_empty() => Route::Office(decode(code)?),
            (name, None) => Route::Page(*Page::ALL.iter().find(|p| p.code() == name)?),
            _ => return None,
        };
        parts.next().is_none().then_some(route)
    }

    /// The fragment for this place.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Page(page) => format!("#/{}", page.code()),
            Route::Office(code) => format!("#/office/{}", js_sys::encode_uri_component(code)),
            Route::Slide(n) => format!("#/slides/{}", n + 1),
        }
    }

    /// Where the state is now.
    fn of(state: AppState) -> Route {
        match (state.slide.get(), state.page.get(), state.office.get()) {
            (Some(n), _, _) => Route::Slide(n),
            (None, Page::Office, Some(code)) => Route::Office(code),
            (None, page, _) => Route::Page(page),
        }
    }

    /// Takes the app there.
    fn apply(self, state: AppState) {
        match self {
            Route::Slide(n) => state.slide.set(Some(n)),
            Route::Office(code) => {
                state.slide.set(None);
                state.show_office(code);
            }
            // A page of another contract's app opens this app's first page.
            Route::Page(page) => {
                state.slide.set(None);
                let mine = page.contract() == state.contract.get_untracked();
                state.page.set(if mine { page } else { Page::start(state.contract.get_untracked()) });
            }
        }
    }
}

fn decode(part: &str) -> Option<String> {
    js_sys::decode_uri_component(part).ok().and_then(|s| s.as_string())
}

fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Follows the URL's fragment (at start, and on the browser's back and
/// forward), and writes the state's place into it.
pub fn sync(state: AppState) {
    if let Some(route) = Route::parse(&current_hash()) {
        route.apply(state);
    }
    let listener = gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        if let Some(route) = Route::parse(&current_hash()) {
            if route != Route::of(state) {
                route.apply(state);
            }
        }
    });
    // The listener lives as long as the page.
    listener.forget();
    Effect::new(move |_| {
        let hash = Route::of(state).to_hash();
        if hash != current_hash() {
            let _ = gloo::utils::window().location().set_hash(&hash);
        }
    });
}
