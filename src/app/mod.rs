//! The browser app (Leptos CSR): a thin shell that wires signals to core
//! functions and draws. No money is computed here; every figure comes from
//! [`crate::core`].

pub mod bid_worker;
mod call_centre;
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
mod paged;
mod pages;
pub mod pages_worker;
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

/// What one contract's app brings to the shared shell: its state, its pages
/// and its slides. Each contract is a Wasm of its own (`shuno-app`,
/// `shuno-call-centre-app`, `shuno-dunning-app`), so a first visit carries one contract's pages
/// only (docs/bench.md: the size budget); the header's choice opens the other.
pub trait ContractApp: 'static {
    const CONTRACT: Contract;
    /// Provides the contract's state (contexts, effects, its demo).
    fn provide(state: AppState);
    /// Draws one of the contract's pages.
    fn page(page: Page) -> AnyView;
    /// The meeting's slides.
    fn projector() -> AnyView;
}

/// The national pension contract (profile A).
pub struct PensionApp;

impl ContractApp for PensionApp {
    const CONTRACT: Contract = Contract::NationalPension;

    fn provide(state: AppState) {
        provide_context(pension::scenarios::Scenarios::new(state));
        provide_context(pension::bids::Bids::new());
        state.load_demo();
    }

    fn page(page: Page) -> AnyView {
        match page {
            Page::Rule => pension::pages::rule::Rule().into_any(),
            Page::Import => pages::import::Import().into_any(),
            Page::Office => pension::pages::office::Office().into_any(),
            Page::Inspection => pension::pages::inspection::Inspection().into_any(),
            Page::WhatIf => pension::pages::whatif::WhatIf().into_any(),
            Page::Bid => pension::pages::bid::Bid().into_any(),
            Page::Calendar => pension::pages::calendar::ReportingCalendar().into_any(),
            Page::Records => pension::pages::records::Records().into_any(),
            _ => pension::pages::overview::Overview().into_any(),
        }
    }

    fn projector() -> AnyView {
        pension::projector::Projector().into_any()
    }
}

/// The municipal call centre (profile B).
pub struct CallCentreApp;

impl ContractApp for CallCentreApp {
    const CONTRACT: Contract = Contract::MunicipalCallCentre;

    fn provide(state: AppState) {
        provide_context(call_centre::CallCentreState::new(state));
    }

    fn page(page: Page) -> AnyView {
        match page {
            Page::CallQuality => call_centre::pages::quality::Quality().into_any(),
            Page::CallReports => call_centre::pages::reports::Reports().into_any(),
            _ => call_centre::pages::progress::Progress().into_any(),
        }
    }

    fn projector() -> AnyView {
        components::paged_projector::projector::<crate::profiles::call_centre::CallCentre>().into_any()
    }
}

/// The workers'-compensation dunning blocks (profile C), with the tender's
/// calculators.
pub struct DunningApp;

impl ContractApp for DunningApp {
    const CONTRACT: Contract = Contract::WorkersCompensationDunning;

    fn provide(state: AppState) {
        provide_context(dunning::DunningState::new(state));
    }

    fn page(page: Page) -> AnyView {
        use dunning::pages::*;
        match page {
            Page::DunningDuties => duties::Duties().into_any(),
            Page::DunningCodes => codes::Codes().into_any(),
            Page::DunningReports => reports::Reports().into_any(),
            Page::DunningMoney => money::Money().into_any(),
            Page::Tender => tender::Tender().into_any(),
            _ => progress::Progress().into_any(),
        }
    }

    fn projector() -> AnyView {
        components::paged_projector::projector::<crate::profiles::dunning::Dunning>().into_any()
    }
}

/// Mounts contract `C`'s app on `<body>`.
pub fn start<C: ContractApp>() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::<C>);
}

fn app<C: ContractApp>() -> impl IntoView {
    let state = AppState::new(C::CONTRACT);
    provide_context(state);
    C::provide(state);
    route::sync(state);
    provide_context(offline::register());
    view! {
        <shell::Header />
        <offline::UpdateBanner />
        <main id="main" tabindex="-1">{move || C::page(state.page.get())}</main>
        <Show when=move || state.slide.get().is_some()>{C::projector}</Show>
        <shell::Footer />
    }
}
