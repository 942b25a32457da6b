//! Records: contractor-promoted months computed from the user's contact and
//! payment records beside the progress table's "as reported", the payment
//! tally, and contact-duty compliance with the overdue list (exportable, never
//! stored). Everything shown is computed by the core in the import worker.

use crate::app::download::save_text;
use crate::app::route::Page;
use crate::app::state::AppState;
use crate::core::calendar::{format_date, format_month};
use crate::core::money::{group_thousands, signed_count};
use crate::profiles::pension::records::analysis::RecordsAnalysis;
use crate::profiles::pension::records::comparison::compare;
use crate::profiles::pension::records::export::{duty_csv, promoted_csv};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Rows of the overdue list drawn on the page (the export has them all).
const OVERDUE_SHOWN: usize = 200;

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[component]
pub fn Records() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |key: &'static str| move || state.t(key);
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
                        .map(|k| view! { <li>{move || state.t(&format!("records.model.{k}"))}</li> })}
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
    let t = move |key: &'static str| move || state.t(key);
    let style = move || state.date_style.get();
    let latest_day = analysis.latest_day.map(|d| d.to_string()).unwrap_or_default();
    let through = state.records_options.get_untracked().through.map(|d| d.to_string()).unwrap_or_default();
    let as_of = analysis.duty.as_of.map(|d| d.to_string()).unwrap_or_default();
    let tally = analysis.promoted.payments;
    let names = state.report.with_untracked(|r| {
        r.dataset
            .offices
            .iter()
            .map(|o| (o.code.clone(), o.name.clone()))
            .collect::<std::collections::HashMap<_, _>>()
    });
    let name_of = move |code: &str| names.get(code).cloned().unwrap_or_default();
    let latest_rows =
        state.report.with_untracked(|r| compare(analysis.promoted.latest_rows(), &r.dataset.progress));
    let promoted = analysis.promoted;
    let duty = analysis.duty;
    let overdue_total = duty.overdue.len();

    let comparison_rows = latest_rows
        .into_iter()
        .map(|c| {
            let difference = c.difference();
            let class = match difference {
                Some(0) => "num",
                Some(_) => "num diff",
                None => "num muted",
            };
            let name = name_of(&c.office_code);
            view! {
                <tr data-office=c.office_code.clone() data-kind=c.kind.code()>
                    <td><span class="office-name">{name}</span><span class="small">{c.office_code.clone()}</span></td>
                    <td>{move || state.t(&format!("kind.{}", c.kind.code()))}</td>
                    <td>{move || format_month(c.month, style())}</td>
                    <td class="num" data-testid="computed">{group_thousands(c.computed)}</td>
                    <td class="num">{c.reported.map_or("—".to_string(), |r| group_thousands(r.max(0) as u64))}</td>
                    <td class=class>{difference.map_or("—".to_string(), signed_count)}</td>
                </tr>
            }
        })
        .collect_view();

    let duty_rows = duty
        .offices
        .iter()
        .map(|o| {
            let cells = (0..3)
                .map(|i| {
                    view! { <td class="num">{group_thousands(o.persons[i])}<span class="small">{format!("▲ {}", group_thousands(o.overdue[i]))}</span></td> }
                })
                .collect_view();
            view! {
                <tr data-office=o.office_code.clone()>
                    <td><span class="office-name">{name_of(&o.office_code)}</span><span class="small">{o.office_code.clone()}</span></td>
                    {cells}
                    <td class="num">{group_thousands(o.forced)}</td>
                    <td class="num total">{group_thousands(o.overdue.iter().sum())}</td>
                </tr>
            }
        })
        .collect_view();

    let overdue_rows = duty
        .overdue
        .iter()
        .take(OVERDUE_SHOWN)
        .map(|p| {
            let (provided, last, due) = (p.provided, p.last_action, p.due);
            view! {
                <tr>
                    <td><code>{p.person.to_string()}</code></td>
                    <td>{p.office_code.clone()}</td>
                    <td>{p.bucket.code()}</td>
                    <td>{move || format_date(provided, style())}</td>
                    <td>{move || last.map_or("—".to_string(), |d| format_date(d, style()))}</td>
                    <td>{move || format_date(due, style())}</td>
                    <td class="num">{p.days_overdue}</td>
                </tr>
            }
        })
        .collect_view();

    let export_promoted =
        move |_| save_text("promoted_months.csv", &promoted_csv(&promoted), "text/csv;charset=utf-8");
    let export_overdue = move |_| {
        let lang = state.lang.get_untracked();
        save_text("overdue_persons.csv", &duty_csv(&duty, lang), "text/csv;charset=utf-8");
    };

    view! {
        <div class="controls">
            <label>
                {t("records.through")}
                <input type="date" data-testid="records-through" prop:value=through prop:max=latest_day.clone()
                    on:change=move |ev| state.records_options.update(|o| o.through = parse_day(&event_target_value(&ev))) />
            </label>
            <label>
                {t("records.duty_as_of")}
                <input type="date" data-testid="duty-as-of" prop:value=as_of
                    on:change=move |ev| state.records_options.update(|o| o.duty_as_of = parse_day(&event_target_value(&ev))) />
            </label>
        </div>
        <p data-testid="records-counts">
            {move || format!(
                "{} {} · {} {} · {} {}",
                state.t("records.contacts"), group_thousands(analysis.counts.contacts),
                state.t("records.payments"), group_thousands(analysis.counts.payments),
                state.t("records.delinquents"), group_thousands(analysis.counts.delinquents),
            )}
        </p>
        <p class="muted" data-testid="payment-tally">
            {move || format!(
                "{}: {} {} · {} {} · {} {} · {} {} · {} {} · {} {}",
                state.t("records.tally"),
                state.t("records.tally.promoted"), group_thousands(tally.promoted),
                state.t("records.tally.not_promoted"), group_thousands(tally.not_promoted),
                state.t("records.tally.on_time"), group_thousands(tally.on_time),
                state.t("records.tally.forced"), group_thousands(tally.forced),
                state.t("records.tally.out_of_scope"), group_thousands(tally.out_of_scope),
                state.t("records.tally.after_through"), group_thousands(tally.after_through),
            )}
        </p>
        <div class="settlement-head">
            <h2>{t("records.comparison")}</h2>
            <button type="button" data-testid="export-promoted" on:click=export_promoted>{t("records.export_promoted")}</button>
        </div>
        <div class="table-wrap">
            <table data-testid="records-comparison">
                <thead><tr>
                    <th>{t("table.col.office")}</th><th>{t("table.col.kind")}</th><th>{t("records.month")}</th>
                    <th class="num">{t("records.computed")}</th><th class="num">{t("records.reported")}</th>
                    <th class="num">{t("records.difference")}</th>
                </tr></thead>
                <tbody>{comparison_rows}</tbody>
            </table>
        </div>
        <div class="settlement-head">
            <h2>{t("records.duty")}</h2>
            <button type="button" data-testid="export-overdue" on:click=export_overdue>{t("records.export_overdue")}</button>
        </div>
        <div class="table-wrap">
            <table data-testid="duty-offices">
                <thead><tr>
                    <th>{t("table.col.office")}</th><th class="num">"1–6"</th><th class="num">"7–23"</th><th class="num">"24+"</th>
                    <th class="num">{t("duty.forced_short")}</th><th class="num">{t("duty.overdue_short")}</th>
                </tr></thead>
                <tbody>{duty_rows}</tbody>
            </table>
        </div>
        <h3 data-testid="overdue-count">{move || format!("{} {}", state.t("duty.overdue_list"), group_thousands(overdue_total as u64))}</h3>
        <Show when=move || { overdue_total > OVERDUE_SHOWN }>
            <p class="muted">{move || state.t("records.overdue_shown").replace("%{n}", &OVERDUE_SHOWN.to_string())}</p>
        </Show>
        <div class="table-wrap">
            <table data-testid="overdue-list">
                <thead><tr>
                    <th>{t("duty.col.person")}</th><th>{t("duty.col.office")}</th><th>{t("duty.col.bucket")}</th>
                    <th>{t("duty.col.provided")}</th><th>{t("duty.col.last_action")}</th><th>{t("duty.col.due")}</th>
                    <th class="num">{t("duty.col.days_overdue")}</th>
                </tr></thead>
                <tbody>{overdue_rows}</tbody>
            </table>
        </div>
    }
}
