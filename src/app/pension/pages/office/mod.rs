//! Office detail: the rate trajectory per kind against its target, activity by
//! method against plan with the cumulative shortfall, account transfer, incidents,
//! and the fee build-up as a waterfall. Every chart has its numbers in a table.

mod activity;
mod build_up;
mod facts;
mod trajectory;

use crate::app::state::{tr, AppState};
use crate::core::calendar::{format_month, Period, YearMonth};
use crate::core::i18n::period_label;
use crate::profiles::pension::calendar as national_pension;
use crate::profiles::pension::rules::activity::activity_by_method;
use crate::profiles::pension::rules::settlement::{incidents_in_period, OfficeSettlement};
use crate::profiles::pension::views::trajectory::trajectories;
use leptos::prelude::*;

#[component]
pub fn Office() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chosen = Memo::new(move |_| {
        let s = state.settled()?;
        let code = state.office.get().or_else(|| s.offices.first().map(|o| o.office_code.clone()))?;
        s.offices.iter().find(|o| o.office_code == code).cloned().map(|o| (s.period, s.as_of, o))
    });
    view! {
        <section class="page office">
            <h1>{tr("nav.office")}</h1>
            <OfficePicker chosen=Signal::derive(move || chosen.get().map(|(_, _, o)| o.office_code)) />
            {move || match chosen.get().and_then(|(n, as_of, o)| Some((national_pension::period(n)?, as_of, o))) {
                None => view! { <p class="muted">{tr("overview.no_data")}</p> }.into_any(),
                Some((period, as_of, office)) => view! { <Detail period as_of office /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn OfficePicker(chosen: Signal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let offices = move || state.settled().map(|s| s.offices).unwrap_or_default();
    view! {
        <label class="controls">
            {tr("office.choose")}
            <select on:change=move |ev| state.office.set(Some(event_target_value(&ev)))>
                <For each=offices key=|o| o.office_code.clone() let(o)>
                    <option value=o.office_code.clone() selected={
                        let code = o.office_code.clone();
                        move || chosen.get().as_ref() == Some(&code)
                    }>
                        {format!("{} {}", o.office_code, o.office_name)}
                    </option>
                </For>
            </select>
        </label>
    }
}

/// The month numbers of a period, for chart axes (5, 6, … 4).
fn month_labels(period: Period) -> Vec<String> {
    period.months().map(|m| m.month.to_string()).collect()
}

#[component]
fn Detail(period: Period, as_of: YearMonth, office: OfficeSettlement) -> impl IntoView {
    let state = expect_context::<AppState>();
    let code = office.office_code.clone();
    let (trajectories, activities, incidents) = state.report.with_untracked(|r| {
        (
            trajectories(&r.dataset, &code, period, as_of),
            activity_by_method(&r.dataset, &code, period, as_of),
            incidents_in_period(&r.dataset, &code, period, as_of),
        )
    });
    let (name, number) = (office.office_name.clone(), period.number);
    let heading = move || {
        format!(
            "{code} {name} · {} · {} {}",
            period_label(number, state.lang.get()),
            state.t("overview.as_of"),
            format_month(as_of, state.date_style.get())
        )
    };
    view! {
        <h2 data-testid="office-heading">{heading}</h2>
        <build_up::BuildUp office=office.clone() />
        <h3>{tr("office.trajectory")}</h3>
        <div class="chart-grid">
            {trajectories.into_iter().map(|t| view! { <trajectory::TrajectoryChart trajectory=t period /> }).collect_view()}
        </div>
        <h3>{tr("office.activity")}</h3>
        <div class="chart-grid">
            {activities.into_iter().map(|a| view! { <activity::ActivityChart activity=a period /> }).collect_view()}
        </div>
        <div class="facts">
            <facts::PromotedFromRecords office=office.office_code.clone() as_of />
            <facts::AccountTransfer office=office.clone() />
            <facts::Incidents office incidents />
        </div>
    }
}
