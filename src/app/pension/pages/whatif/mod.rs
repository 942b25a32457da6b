//! What-if (#14): up to three scenarios over the settlement, edited as a
//! table of changes, each settled again on every change and shown beside the
//! baseline in yen; the exposure waterfall and where effort pays. The
//! scenarios are saved only to a JSON file the user downloads.

mod compare;
mod curve;
mod editor;
mod effort;
mod exposure;

use crate::app::dropped::{chosen_file, file_text};
use crate::app::pension::scenarios::Scenarios;
use crate::app::route::Page;
use crate::app::state::{tr, AppState};
use crate::profiles::pension::rules::scenario::Scenario;
use crate::profiles::pension::views::whatif::Drafts;
use leptos::prelude::*;

#[component]
pub fn WhatIf() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    view! {
        <section class="page whatif" data-testid="whatif">
            <h1>{t("nav.whatif")}</h1>
            <p class="muted">{t("whatif.lead")}</p>
            {move || match state.settlement.get() {
                None => view! {
                    <div class="empty" data-testid="whatif-empty">
                        <p>{t("whatif.empty")}</p>
                        <button type="button" on:click=move |_| state.page.set(Page::Import)>{t("nav.import")}</button>
                    </div>
                }.into_any(),
                Some(Err(errors)) => view! {
                    <div class="errors" role="alert">
                        {errors.into_iter().map(|e| view! { <p>{move || e.message(state.lang.get())}</p> }).collect_view()}
                    </div>
                }.into_any(),
                Some(Ok(_)) => view! {
                    <Tabs />
                    // The curve first: a drag that opens a scenario moves nothing under the pointer.
                    <curve::CurveDrag />
                    <editor::Editor />
                    <compare::Compare />
                    <exposure::ExposureView />
                    <effort::Effort />
                }.into_any(),
            }}
        </section>
    }
}

/// One tab per open scenario, a new one, and a scenario file to load.
#[component]
fn Tabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = expect_context::<Scenarios>();
    let failure = RwSignal::new(None::<String>);
    let count = move || scenarios.drafts.with(|d| d.drafts.len());
    let full = move || count() >= Drafts::MAX;
    let tab = move |i: usize| {
        let name = move || {
            scenarios
                .drafts
                .with(|d| d.drafts.get(i).and_then(|d| d.settings.name.clone()))
                .unwrap_or_else(|| format!("{} {}", state.t("whatif.scenario"), i + 1))
        };
        view! {
            <button type="button" role="tab" data-testid=format!("scenario-tab-{}", i + 1)
                aria-selected=move || (scenarios.shown.get() == i).to_string()
                on:click=move |_| scenarios.shown.set(i)>{name}</button>
        }
    };
    let load = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = file_text(&file).await;
            let read = text
                .ok_or_else(String::new)
                .and_then(|t| serde_json::from_str::<Scenario>(&t).map_err(|e| e.to_string()));
            failure.set(match read.map(|s| scenarios.open(s)) {
                Ok(true) => None,
                Ok(false) => Some(state.t("whatif.three_open")),
                Err(e) => Some(format!("{name}: {} {e}", state.t("whatif.not_a_scenario"))),
            });
        });
    };
    view! {
        <div class="scenario-tabs" role="tablist">
            {move || (0..count()).map(tab).collect_view()}
            <button type="button" data-testid="scenario-new" disabled=full
                on:click=move |_| { scenarios.open(Scenario::default()); }>{tr("whatif.new")}</button>
            <label class="file-button">{tr("whatif.load")}
                <input type="file" accept=".json,application/json" data-testid="scenario-load" on:change=load />
            </label>
            {move || failure.get().map(|f| view! { <p class="error" role="alert">{f}</p> })}
        </div>
    }
}
