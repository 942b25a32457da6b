//! Records: contractor-promoted months computed from the user's contact and
//! payment records beside the progress table's "as reported", the payment
//! tally, and contact-duty compliance with the overdue list (exportable, never
//! stored). Everything shown is computed by the core in the import worker.

mod comparison;
mod duty;

use crate::app::route::Page;
use crate::app::state::{tr, tr_key, AppState};
use crate::core::money::group_thousands;
use crate::profiles::pension::records::analysis::RecordsAnalysis;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// A day from an `<input type="date">` (always `YYYY-MM-DD`, or empty).
fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Office names by code, from the loaded offices table.
type Names = Arc<HashMap<String, String>>;

#[component]
pub fn Records() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let has_record_files =
        move || state.report.with(|r| r.files.iter().any(|f| f.table.is_some_and(|t| t.is_record())));
    let blocked = move || state.report.with(|r| r.blocks_records());

    view! {
        <section class="page records">
            <h1>{t("nav.records")}</h1>
            <p class="muted">{t("records.privacy")}</p>
            <details class="model" data-testid="records-model">
                <summary>{t("records.model.title")}</summary>
                <ul>
                    {["qualifying", "window", "kind", "on_time", "once", "duty"]
                        .map(|k| view! { <li>{tr_key(format!("records.model.{k}"))}</li> })}
                </ul>
            </details>
            {move || {
                if !has_record_files() {
                    return view! {
                        <div class="empty" data-testid="records-empty">
                            <p>{t("records.empty")}</p>
                            <button type="button" on:click=move |_| state.page.set(Page::Import)>{t("nav.import")}</button>
                        </div>
                    }.into_any();
                }
                if blocked() {
                    return view! {
                        <div class="errors" role="alert" data-testid="records-blocked">
                            <p>{t("records.blocked")}</p>
                            <button type="button" on:click=move |_| state.page.set(Page::Import)>{t("nav.import")}</button>
                        </div>
                    }.into_any();
                }
                match state.records.get() {
                    Some(a) => view! { <Analysis analysis=a /> }.into_any(),
                    None => view! { <p class="muted">{t("records.computing")}</p> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn Analysis(analysis: RecordsAnalysis) -> impl IntoView {
    let state = expect_context::<AppState>();
    let names: Names =
        Arc::new(state.report.with_untracked(|r| {
            r.dataset.offices.iter().map(|o| (o.code.clone(), o.name.clone())).collect()
        }));
    let RecordsAnalysis { promoted, duty, counts, latest_day } = analysis;
    view! {
        <RecordsDays latest_day duty_as_of=duty.as_of />
        <p data-testid="records-counts">
            {move || format!(
                "{} {} · {} {} · {} {}",
                state.t("records.contacts"), group_thousands(counts.contacts),
                state.t("records.payments"), group_thousands(counts.payments),
                state.t("records.delinquents"), group_thousands(counts.delinquents),
            )}
        </p>
        <comparison::PaymentTally tally=promoted.payments />
        <comparison::Comparison promoted names=names.clone() />
        <duty::DutyOffices duty=duty.clone() names />
        <duty::OverdueList duty />
    }
}

/// The days the records are read through and the duty is judged on.
#[component]
fn RecordsDays(latest_day: Option<NaiveDate>, duty_as_of: Option<NaiveDate>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let latest_day = latest_day.map(|d| d.to_string()).unwrap_or_default();
    let through = state.records_options.get_untracked().through.map(|d| d.to_string()).unwrap_or_default();
    let as_of = duty_as_of.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <div class="controls">
            <label>
                {tr("records.through")}
                <input type="date" data-testid="records-through" prop:value=through prop:max=latest_day
                    on:change=move |ev| state.records_options.update(|o| o.through = parse_day(&event_target_value(&ev))) />
            </label>
            <label>
                {tr("records.duty_as_of")}
                <input type="date" data-testid="duty-as-of" prop:value=as_of
                    on:change=move |ev| state.records_options.update(|o| o.duty_as_of = parse_day(&event_target_value(&ev))) />
            </label>
        </div>
    }
}
