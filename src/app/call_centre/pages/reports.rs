//! 報告: the daily, monthly and yearly reports (seed 003 8(3)①) as a table, CSV
//! and a workbook, printable; and the dated duties (roster, invoice, meeting,
//! and the monthly report's deadline the user sets: the seed sets none).

use super::super::CallCentreState;
use super::loader::Loader;
use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, AppState};
use crate::core::calendar::format_date;
use crate::core::export::{Cell, Workbook};
use crate::core::money::{format_count, format_yen};
use crate::profiles::call_centre::reports::{report_sheet, ReportKind};
use leptos::prelude::*;

#[component]
pub fn Reports() -> impl IntoView {
    let cc = expect_context::<CallCentreState>();
    let kind = RwSignal::new(ReportKind::Monthly);
    let export = move |lang| {
        let sheet = cc.report.with_untracked(|r| {
            let day = cc.overview.with_untracked(|o| o.as_ref().map(|o| o.as_of)).unwrap_or_default();
            r.as_ref().map(|r| report_sheet(&r.dataset, kind.get_untracked(), day, lang))
        });
        let sheet = sheet.unwrap_or_else(|| crate::core::export::Sheet {
            name: String::new(),
            headers: vec![],
            rows: vec![],
        });
        Export { stem: sheet.name.clone(), book: Workbook { sheets: vec![sheet] } }
    };
    view! {
        <section class="page cc-reports">
            <h1>{tr("cc.reports.title")}</h1>
            <Loader />
            <div class="toggle" role="group" aria-label=tr("cc.reports.title")>
                {ReportKind::ALL.iter().copied().map(|k| view! {
                    <button type="button" data-testid=format!("cc-report-{}", <&str>::from(k)) aria-pressed=move || (kind.get() == k).to_string()
                        on:click=move |_| kind.set(k)>{tr(k.key())}</button>
                }).collect_view()}
            </div>
            <ExportButtons export test_id="cc-report" />
            <button type="button" on:click=move |_| { let _ = gloo::utils::window().print(); }>{tr("projector.print")}</button>
            <ReportTable kind />
            <Deadlines />
        </section>
    }
}

fn cell_text(cell: &Cell, state: AppState) -> String {
    match cell {
        Cell::Int(n) => format_count(*n),
        Cell::Yen(n) => format_yen(*n),
        Cell::Date(d) => format_date(*d, state.date_style.get()),
        Cell::Month(m) => crate::core::calendar::format_month(*m, state.date_style.get()),
        other => other.plain(),
    }
}

#[component]
fn ReportTable(kind: RwSignal<ReportKind>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let cc = expect_context::<CallCentreState>();
    move || {
        let day = cc.overview.with(|o| o.as_ref().map(|o| o.as_of))?;
        let sheet = cc
            .report
            .with(|r| r.as_ref().map(|r| report_sheet(&r.dataset, kind.get(), day, state.lang.get())))?;
        let rows = sheet.rows.iter().map(|row| {
            let cells = row
                .iter()
                .skip(1)
                .map(|c| view! { <td class="num">{cell_text(c, state)}</td> })
                .collect_view();
            view! { <tr><th scope="row">{cell_text(&row[0], state)}</th>{cells}</tr> }
        });
        Some(view! {
            <table class="cc-report" data-testid="cc-report-table">
                <thead><tr>{sheet.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        })
    }
}

/// The duties, with the monthly report's deadline as a setting.
#[component]
fn Deadlines() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cc = expect_context::<CallCentreState>();
    let list =
        move || cc.overview.with(|o| o.as_ref().map(|o| (o.as_of, o.deadlines.clone()))).unwrap_or_default();
    let day = move |d| format_date(d, state.date_style.get());
    view! {
        <h2>{tr("cc.deadlines")}</h2>
        <label>{tr("cc.report_day")}
            <input type="number" min="1" max="20" data-testid="cc-report-day"
                prop:value=move || cc.options.with(|o| o.report_day.map(|n| n.to_string()).unwrap_or_default())
                on:change=move |ev| cc.options.update(|o| o.report_day = event_target_value(&ev).parse().ok().filter(|n| *n > 0)) />
        </label>
        <span class="muted">{tr("cc.report_day.hint")}</span>
        <table class="cc-deadlines" data-testid="cc-deadlines">
            <tbody>
                {move || { let (as_of, list) = list(); list.into_iter().filter(|d| d.due >= as_of).take(12).map(|d| view! {
                    <tr>
                        <td>{move || day(d.due)}</td>
                        <td>{tr(d.duty.key())}</td>
                        <td>{move || crate::core::calendar::format_month(d.month, state.date_style.get())}</td>
                        <td class="muted">{d.hand_in_by.map(|h| view! { {tr("cc.hand_in_by")} " " {move || day(h)} })}</td>
                    </tr>
                }).collect_view() }}
            </tbody>
        </table>
    }
}
