//! The browser app (Leptos CSR): a thin shell that wires signals to core
//! functions and draws. No money is computed here; every figure comes from
//! [`crate::core`].

pub mod bid_worker;
mod call_centre;
pub mod call_centre_worker;
mod components;
mod download;
mod dropped;
mod dunning;
mod embedded;
mod export_client;
pub mod export_worker;
mod import_client;
pub mod import_worker;
mod job_client;
mod offline;
mod pages;
mod pension;
pub mod route;
mod settings;
mod shell;
mod state;
pub mod worker_protocol;

use crate::profiles::Contract;
use leptos::prelude::*;
use route::Page;
use state::AppState;

/// Milliseconds on the page's clock (`performance.now()`): what draw and run
/// times are measured with.
pub(crate) fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    provide_context(pension::scenarios::Scenarios::new(state));
    provide_context(pension::bids::Bids::new());
    let call_centre = call_centre::CallCentreState::new(state);
    provide_context(call_centre);
    call_centre::hand_over(state, call_centre);
    if state.contract.get_untracked() == Contract::NationalPension {
        state.load_demo();
    }
    route::sync(state);
    provide_context(offline::register());
    view! {
        <shell::Header />
        <offline::UpdateBanner />
        <main id="main" tabindex="-1">
            {move || match state.page.get() {
                Page::Overview => pension::pages::overview::Overview().into_any(),
                Page::CallProgress => call_centre::pages::progress::Progress().into_any(),
                Page::CallQuality => call_centre::pages::quality::Quality().into_any(),
                Page::CallReports => call_centre::pages::reports::Reports().into_any(),
                Page::Rule => pension::pages::rule::Rule().into_any(),
                Page::Import => pages::import::Import().into_any(),
                Page::Office => pension::pages::office::Office().into_any(),
                Page::Inspection => pension::pages::inspection::Inspection().into_any(),
                Page::WhatIf => pension::pages::whatif::WhatIf().into_any(),
                Page::Bid => pension::pages::bid::Bid().into_any(),
                Page::Tender => dunning::pages::tender::Tender().into_any(),
                Page::Calendar => pension::pages::calendar::ReportingCalendar().into_any(),
                Page::Records => pension::pages::records::Records().into_any(),
            }}
        </main>
        <Show when=move || state.slide.get().is_some()>
            {move || match state.contract.get() {
                Contract::MunicipalCallCentre => call_centre::projector::Projector().into_any(),
                _ => pension::projector::Projector().into_any(),
            }}
        </Show>
        <shell::Footer />
    }
}
