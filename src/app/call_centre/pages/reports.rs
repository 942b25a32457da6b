//! 報告: the daily, monthly and yearly reports (seed 003 8(3)①) as a table, CSV
//! and a workbook, printable; and the dated duties (roster, invoice, meeting,
//! and the monthly report's deadline the user sets: the seed sets none).

use super::super::draw::{draw, style};
use super::super::CallCentreState;
use super::loader::Loader;
use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, AppState};
use crate::core::export::{Sheet, Workbook};
use crate::profiles::call_centre::blocks::{deadlines, report};
use crate::profiles::call_centre::reports::{report_sheet, ReportKind};
use leptos::prelude::*;

#[component]
pub fn Reports() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cc = expect_context::<CallCentreState>();
    let kind = RwSignal::new(ReportKind::Monthly);
    let export = move |lang| {
        let day = cc.overview.with_untracked(|o| o.as_ref().map(|o| o.as_of)).unwrap_or_default();
        let sheet = cc.report.with_untracked(|r| {
            r.as_ref().map(|r| report_sheet(&r.dataset, kind.get_untracked(), day, lang))
        });
        let sheet = sheet.unwrap_or(Sheet { name: String::new(), headers: vec![], rows: vec![] });
        Export { stem: sheet.name.clone(), book: Workbook { sheets: vec![sheet] } }
    };
    let blocks = move || {
        let s = style(state);
        let k = kind.get();
        cc.overview.with(|o| {
            let o = o.as_ref()?;
            cc.report
                .with(|r| r.as_ref().map(|r| draw([report(&r.dataset, k, o, s), deadlines(o, s)].concat())))
        })
    };
    let report_day = move |ev| {
        cc.options.update(|o| o.report_day = event_target_value(&ev).parse().ok().filter(|n| *n > 0))
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
            <label class="cc-report-day">{tr("cc.report_day")}
                <input type="number" min="1" max="20" data-testid="cc-report-day" on:change=report_day
                    prop:value=move || cc.options.with(|o| o.report_day.map(|n| n.to_string()).unwrap_or_default()) />
                <span class="muted">{tr("cc.report_day.hint")}</span>
            </label>
            {blocks}
        </section>
    }
}
