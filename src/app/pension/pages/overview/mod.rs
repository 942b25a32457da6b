//! Overview: the settlement of the chosen period, one row per office, from
//! [`crate::profiles::pension::rules::settle`]. The page only wires and draws.

pub mod controls;
mod table;

use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::route::Page;
use crate::app::state::{tr, AppState};
use crate::profiles::pension::rules::{SettleError, Settlement};
use crate::profiles::pension::views::export::{settlement_file_stem, settlement_workbook};
use crate::profiles::pension::views::presentation::{period_and_as_of, rules_in_force};
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="page overview">
            <h1>{tr("nav.overview")}</h1>
            <controls::Controls />
            {move || match state.settlement.get() {
                None if state.loading.get().is_some() => {
                    view! { <p class="muted">{tr("app.loading")}</p> }.into_any()
                }
                None => view! { <NoData /> }.into_any(),
                Some(Err(errors)) => view! { <Errors errors /> }.into_any(),
                Some(Ok(settlement)) => view! { <SettlementView settlement /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn NoData() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="empty">
            <p>{tr("overview.no_data")}</p>
            <button type="button" on:click=move |_| state.page.set(Page::Import)>
                {tr("nav.import")}
            </button>
        </div>
    }
}

#[component]
fn Errors(errors: Vec<SettleError>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="errors" role="alert">
            <h2>{tr("overview.cannot_settle")}</h2>
            <ul>{errors.into_iter().map(|e| view! { <li>{move || e.message(state.lang.get())}</li> }).collect_view()}</ul>
        </div>
    }
}

#[component]
fn SettlementView(settlement: Settlement) -> impl IntoView {
    view! {
        <SettlementHead settlement=settlement.clone() />
        <table::SettlementTable settlement />
    }
}

/// The period, the as-of month, the rules in force, and what can be done with
/// the settlement.
#[component]
fn SettlementHead(settlement: Settlement) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = settlement.clone();
    let heading = move || period_and_as_of(&s, state.lang.get(), state.date_style.get());
    let rules = settlement.rules.clone();
    let settlement = StoredValue::new(settlement);
    let export = move |lang| {
        let sources = state.report.with_untracked(|r| r.file_names());
        settlement.with_value(|s| Export {
            book: settlement_workbook(s, &sources, lang),
            stem: settlement_file_stem(s, lang),
        })
    };
    view! {
        <div class="settlement-head">
            <h2 data-testid="settlement-heading">{heading}</h2>
            <p class="rules-in-force" data-testid="rules-in-force">{move || rules_in_force(&rules, state.lang.get())}</p>
            <button type="button" class="primary" data-testid="enter-projector" on:click=move |_| crate::app::pension::projector::enter(state)>
                {tr("projector.enter")}
            </button>
            <ExportButtons export test_id="export-settlement" />
        </div>
    }
}
