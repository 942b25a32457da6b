//! 報告: each block's monthly or quarterly report of the as-of month in the
//! seed's layout, as a table, CSV and a workbook (a sheet per block),
//! printable; and the reports' due dates.

use super::super::DunningState;
use crate::app::components::blocks::draw;
use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::tr;
use crate::core::export::Workbook;
use crate::profiles::dunning::blocks::Block as Region;
use crate::profiles::dunning::reports::ReportPeriod;
use leptos::prelude::*;

#[component]
pub fn Reports() -> impl IntoView {
    let dn = expect_context::<DunningState>();
    // The block whose report is exported (CSV holds one sheet); `None`: the first.
    let chosen = RwSignal::new(None::<Region>);
    let export = move |_lang| {
        let sheet = dn.pages(|p| {
            let r = p.reports.iter().find(|r| Some(r.block) == chosen.get_untracked()).or(p.reports.first());
            r.map(|r| r.sheet.clone())
        });
        Export {
            stem: "dunning-report".into(),
            book: Workbook { sheets: sheet.flatten().into_iter().collect() },
        }
    };
    let regions =
        move || dn.pages(|p| p.reports.iter().map(|r| r.block).collect::<Vec<_>>()).unwrap_or_default();
    let pick = move |ev| chosen.set(event_target_value(&ev).parse().ok());
    let blocks = move || {
        dn.pages(|p| {
            let reports = p.reports.iter().flat_map(|r| r.blocks.clone());
            draw(p.report_dues.iter().cloned().chain(reports).collect())
        })
    };
    let choice = move |period: ReportPeriod, key: &'static str| {
        view! {
            <button type="button" data-testid=format!("dn-period-{}", key.rsplit('.').next().unwrap_or(key))
                aria-pressed=move || dn.options.with(|o| o.period == period).to_string()
                on:click=move |_| dn.options.update(|o| o.period = period)>{tr(key)}</button>
        }
    };
    view! {
        <section class="page dn-reports">
            <h1>{tr("dn.reports.title")}</h1>
            {super::files()}
            <div class="toggle" role="group" aria-label=tr("dn.reports.title")>
                {choice(ReportPeriod::Monthly, "dn.period.monthly")}
                {choice(ReportPeriod::Quarterly, "dn.period.quarterly")}
            </div>
            <label>{tr("dn.export_block")}
                <select data-testid="dn-report-block" on:change=pick>
                    {move || regions().into_iter().map(|r| view! { <option value=r.code()>{r.japanese()}</option> }).collect_view()}
                </select>
            </label>
            <ExportButtons export test_id="dn-report" />
            <button type="button" on:click=move |_| { let _ = gloo::utils::window().print(); }>{tr("projector.print")}</button>
            {blocks}
        </section>
    }
}
