//! 報告: the daily, monthly and yearly reports (seed 003 8(3)①) as a table, CSV
//! and a workbook, printable; and the dated duties (roster, invoice, meeting,
//! and the monthly report's deadline the user sets: the seed sets none).

use super::super::CallCentreState;
use crate::app::components::blocks::draw;
use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::components::paged_loader::loader;
use crate::app::state::tr;
use crate::core::export::{Sheet, Workbook};
use crate::profiles::call_centre::reports::ReportKind;
use crate::profiles::call_centre::CallCentre;
use leptos::prelude::*;

#[component]
pub fn Reports() -> impl IntoView {
    let cc = expect_context::<CallCentreState>();
    let kind = RwSignal::new(ReportKind::Monthly);
    // The sheet is written in the page's language by the worker; `_lang` is
    // the language in force, which a change of asks the worker again.
    let export = move |_lang| {
        let k = kind.get_untracked();
        let sheet = cc.loaded.with_untracked(|l| {
            let pages = l.as_ref()?.pages.as_ref()?;
            pages.reports.iter().find(|r| r.kind == k).map(|r| r.sheet.clone())
        });
        let sheet = sheet.unwrap_or(Sheet { name: String::new(), headers: vec![], rows: vec![] });
        Export { stem: sheet.name.clone(), book: Workbook { sheets: vec![sheet] } }
    };
    let blocks = move || {
        let k = kind.get();
        cc.pages(|p| {
            let report = p.reports.iter().find(|r| r.kind == k).map(|r| r.blocks.clone()).unwrap_or_default();
            draw([report, p.deadlines.clone()].concat())
        })
    };
    let report_day = move |ev| {
        cc.options.update(|o| o.report_day = event_target_value(&ev).parse().ok().filter(|n| *n > 0))
    };
    view! {
        <section class="page cc-reports">
            <h1>{tr("cc.reports.title")}</h1>
            {loader::<CallCentre>("cc", "cc.tables_hint")}
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
