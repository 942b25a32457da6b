//! Check ① (seed 000 ⅩⅢ2(3)①): the counts reported against the contact
//! records less the letters returned, where records are loaded; the rows that
//! differ are listed, every row is in the export.

use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, AppState};
use crate::core::calendar::format_month;
use crate::core::i18n::msg;
use crate::profiles::pension::views::plan::Plan;
use crate::profiles::pension::views::plan_export::{plan_file_stem, sheet_workbook, PlanSheet};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows that differ shown on the page (all are in the export).
const SHOWN: usize = 50;

#[component]
pub fn ActivityCheck(plan: Arc<Plan>) -> impl IntoView {
    let state = expect_context::<AppState>();
    if plan.activity_check.is_empty() {
        return ().into_any();
    }
    let agree = plan.activity_check.iter().filter(|c| c.agrees()).count();
    let differ = plan.activity_check.len() - agree;
    let stored = StoredValue::new(plan.as_ref().clone());
    let export = move |lang| {
        stored.with_value(|p| Export {
            book: sheet_workbook(p, PlanSheet::ActivityCheck, lang),
            stem: format!("{}_{}", plan_file_stem(p, lang), state.t("plan.sheet.activity_check")),
        })
    };
    let rows = plan
        .activity_check
        .iter()
        .filter(|c| !c.agrees())
        .take(SHOWN)
        .map(|c| {
            let month = c.month;
            view! {
                <tr>
                    <th scope="row">{c.office_code.clone()}</th>
                    <td>{move || format_month(month, state.date_style.get())}</td>
                    <td>{c.method.clone()}</td>
                    <td class="num">{c.reported_done}</td>
                    <td class="num">{c.from_records.map_or("—".to_string(), |n| n.to_string())}</td>
                    <td class="num">{c.returned_letters}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="inspection-check" data-testid="activity-check">
            <h2>{tr("plan.sheet.activity_check")} <ExportButtons export test_id="check-export" /></h2>
            <p class="muted">{tr("inspection.check_lead")}</p>
            <p data-testid="check-summary">{move || msg("inspection.check_summary").arg("agree", agree).arg("differ", differ).render(state.lang.get())}</p>
            <table class="compact">
                <thead>
                    <tr>
                        <th scope="col">{tr("plan.col.office_code")}</th>
                        <th scope="col">{tr("plan.col.month")}</th>
                        <th scope="col">{tr("plan.col.method")}</th>
                        <th scope="col" class="num">{tr("plan.col.done")}</th>
                        <th scope="col" class="num">{tr("plan.col.from_records")}</th>
                        <th scope="col" class="num">{tr("plan.col.returned_letters")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}
