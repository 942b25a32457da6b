//! 進捗: the running month against its target, the shortfall warning of seed
//! 003 10(3), every month begun, and the year to date (calls, SMS and its
//! ceiling, phone-number entries, property-check persons).

use super::super::CallCentreState;
use super::loader::Loader;
use super::{one_decimal, percent};
use crate::app::state::{tr, tr_key, AppState};
use crate::core::calendar::{format_date, format_month};
use crate::core::money::{format_count, Exact};
use crate::profiles::call_centre::progress::{range_status, CallStatus, MonthRecord};
use crate::profiles::call_centre::terms::TargetSource;
use crate::profiles::call_centre::view::Overview;
use leptos::prelude::*;

#[component]
pub fn Progress() -> impl IntoView {
    let cc = expect_context::<CallCentreState>();
    view! {
        <section class="page cc-progress">
            <h1>{tr("cc.progress.title")}</h1>
            <Loader />
            <Settings />
            {move || cc.overview.get().map(|o| view! { <Current o=o.clone() /> <Months o=o.clone() /> <Year o /> })}
        </section>
    }
}

/// The warning's settings and the year-end switch, each saying what it is.
#[component]
fn Settings() -> impl IntoView {
    let cc = expect_context::<CallCentreState>();
    let number = move |ev: &leptos::ev::Event| event_target_value(ev).parse::<u32>().ok().filter(|n| *n > 0);
    view! {
        <fieldset class="cc-settings">
            <legend>{tr("cc.settings")}</legend>
            <label>{tr("cc.lines")}
                <input type="number" min="1" data-testid="cc-lines" prop:value=move || cc.options.with(|o| o.capacity.lines)
                    on:change=move |ev| if let Some(n) = number(&ev) { cc.options.update(|o| o.capacity.lines = n) } />
            </label>
            <label>{tr("cc.rate")}
                <input type="number" min="1" data-testid="cc-rate" prop:value=move || cc.options.with(|o| o.capacity.calls_per_line_hour)
                    on:change=move |ev| if let Some(n) = number(&ev) { cc.options.update(|o| o.capacity.calls_per_line_hour = n) } />
            </label>
            <label>
                <input type="checkbox" data-testid="cc-year-end" prop:checked=move || cc.options.with(|o| o.year_end_closed)
                    on:change=move |ev| cc.options.update(|o| o.year_end_closed = event_target_checked(&ev)) />
                {tr("cc.year_end_closed")}
            </label>
        </fieldset>
    }
}

fn status_class(status: CallStatus) -> &'static str {
    match status {
        CallStatus::Met => "cc-status met",
        CallStatus::OnPace => "cc-status on-pace",
        CallStatus::ReportNow => "cc-status report-now",
        CallStatus::Missed => "cc-status missed",
    }
}

fn source_key(source: TargetSource) -> &'static str {
    match source {
        TargetSource::Seed => "cc.source.seed",
        TargetSource::Ward => "cc.source.ward",
    }
}

/// The running month: the banner, then each figure the warning rests on.
#[component]
pub(crate) fn Current(o: Overview) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(r) = o.current().cloned() else { return ().into_any() };
    let p = r.progress.clone();
    let capacity = p.capacity_left(o.options.capacity);
    let hours = |minutes: u32| one_decimal(Some(Exact::new(i128::from(minutes), 60)));
    let figures: Vec<(&'static str, &'static str, String)> = vec![
        ("cc.pace.calls_target", "cc-calls-target", format_count(p.targets.calls)),
        ("cc.pace.calls_done", "cc-calls-done", format_count(p.done.calls)),
        ("cc.pace.open_days_total", "cc-open-days-total", p.open_days_total.to_string()),
        ("cc.pace.open_days_left", "cc-open-days-left", p.open_days_left.to_string()),
        ("cc.hours_left", "cc-hours-left", hours(p.minutes_left)),
        (
            "cc.pace.calls_needed_per_open_day",
            "cc-needed-per-day",
            p.calls_needed_per_open_day().map_or("–".into(), format_count),
        ),
        ("cc.needed_per_hour", "cc-needed-per-hour", one_decimal(p.calls_needed_per_hour())),
        ("cc.pace_per_day", "cc-pace-per-day", one_decimal(p.pace_per_open_day())),
        ("cc.pace_per_hour", "cc-pace-per-hour", one_decimal(p.pace_per_hour())),
        ("cc.capacity_left", "cc-capacity-left", one_decimal(Some(capacity))),
    ];
    let month = move || format_month(p.month, state.date_style.get());
    view! {
        <h2>{month} " " {tr(source_key(p.source))}</h2>
        <p class=status_class(r.status) role=if r.status == CallStatus::ReportNow { "alert" } else { "status" } data-testid="cc-status">
            {tr(r.status.key())}
            {r.warned_on.map(|d| view! { <span class="muted">" · " {tr("cc.warned_on")} " " {move || format_date(d, state.date_style.get())}</span> })}
        </p>
        <dl class="cc-figures">
            {figures.into_iter().map(|(key, id, value)| view! { <div><dt>{tr(key)}</dt><dd data-testid=id>{value}</dd></div> }).collect_view()}
        </dl>
        <button type="button" class="primary" data-testid="cc-enter-projector" on:click=move |_| super::super::projector::enter()>{tr("projector.enter")}</button>
    }
    .into_any()
}

/// Every month begun: target, calls, share, status and the shortfall record.
#[component]
pub(crate) fn Months(o: Overview) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = move |r: MonthRecord| {
        let p = &r.progress;
        let share = Exact::new(i128::from(p.done.calls), i128::from(p.targets.calls.max(1)));
        let width = format!("width: {}%", (p.done.calls * 100 / p.targets.calls.max(1)).min(100));
        view! {
            <tr>
                <th scope="row">{move || format_month(r.progress.month, state.date_style.get())}</th>
                <td class="num">{format_count(p.targets.calls)}</td>
                <td class="num">{format_count(p.done.calls)}</td>
                <td class="num">{percent(Some(share))}<div class="cc-bar"><span style=width></span></div></td>
                <td class=status_class(r.status)>{tr(r.status.key())}</td>
                <td class="num">{format_count(r.shortfall)}</td>
                <td>{r.warned_on.map(|d| d.to_string())}</td>
            </tr>
        }
    };
    view! {
        <h2>{tr("cc.months")}</h2>
        <table class="cc-months" data-testid="cc-months">
            <thead><tr>
                <th scope="col">{tr("cc.col.month")}</th><th scope="col" class="num">{tr("cc.pace.calls_target")}</th>
                <th scope="col" class="num">{tr("cc.pace.calls_done")}</th><th scope="col" class="num">{tr("cc.share")}</th>
                <th scope="col">{tr("cc.pace.status")}</th><th scope="col" class="num">{tr("cc.shortfall")}</th>
                <th scope="col">{tr("cc.warned_on")}</th>
            </tr></thead>
            <tbody>{o.months.into_iter().map(row).collect_view()}</tbody>
        </table>
    }
}

/// The year to date: calls against the months' targets, the ranges, the SMS
/// ceiling left and the property-check persons toward about 6,000.
#[component]
pub(crate) fn Year(o: Overview) -> impl IntoView {
    let y = o.year;
    let range = |done: i64, min: i64, max: i64| {
        let status = match range_status(done, min, max) {
            crate::profiles::call_centre::progress::RangeStatus::Below => "cc.range.below",
            crate::profiles::call_centre::progress::RangeStatus::Within => "cc.range.within",
            crate::profiles::call_centre::progress::RangeStatus::Above => "cc.range.above",
        };
        (format!("{} / {}–{}", format_count(done), format_count(min), format_count(max)), status)
    };
    let (sms, sms_status) = range(y.done.sms, y.sms_min, y.sms_max);
    let (entries, entries_status) = range(y.done.phone_entries, y.phone_entries_min, y.phone_entries_max);
    let rows: Vec<(&'static str, &'static str, String, Option<&'static str>)> = vec![
        (
            "cc.year.calls",
            "cc-year-calls",
            format!("{} / {}", format_count(y.done.calls), format_count(y.calls_target)),
            None,
        ),
        ("cc.year.sms", "cc-year-sms", sms, Some(sms_status)),
        ("cc.year.sms_ceiling_left", "cc-sms-ceiling-left", format_count(y.sms_ceiling_left), None),
        ("cc.year.phone_entries", "cc-year-entries", entries, Some(entries_status)),
        (
            "cc.year.persons",
            "cc-year-persons",
            format!(
                "{} / ≈{}",
                format_count(y.done.property_check_persons),
                format_count(y.property_check_persons_toward)
            ),
            None,
        ),
    ];
    view! {
        <h2>{tr("cc.year")}</h2>
        <dl class="cc-figures">
            {rows.into_iter().map(|(key, id, value, status)| view! {
                <div><dt>{tr(key)}</dt><dd data-testid=id>{value} {status.map(|s| view! { <span class="muted">" (" {tr_key(s.to_string())} ")"</span> })}</dd></div>
            }).collect_view()}
        </dl>
    }
}
