//! The tracker: months × methods, each cell the rows short of plan (offices,
//! or the total) and their shortfall; the offices short in a cell on hover; the
//! shortfalls exported row by row.

use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, AppState};
use crate::core::calendar::format_month;
use crate::core::money::group_thousands;
use crate::profiles::pension::views::plan::{tracker_cells, Plan};
use crate::profiles::pension::views::plan_export::{plan_file_stem, sheet_workbook, PlanSheet};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Tracker(plan: Arc<Plan>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let (methods, cells) = tracker_cells(&plan, |_| true);
    let stored = StoredValue::new(plan.as_ref().clone());
    let export = move |lang| {
        stored.with_value(|p| Export {
            book: sheet_workbook(p, PlanSheet::Inspections, lang),
            stem: plan_file_stem(p, lang),
        })
    };
    let header =
        methods.iter().map(|m| view! { <th scope="col" class="num">{m.clone()}</th> }).collect_view();
    let body = plan
        .months
        .iter()
        .map(|m| {
            let month = m.month;
            let row = methods
                .iter()
                .map(|method| match cells.get(&(month, method.clone())) {
                    Some(c) => {
                        let offices: Vec<String> = c
                            .offices
                            .iter()
                            .map(|o| o.clone().unwrap_or_else(|| state.t("plan.all_offices")))
                            .collect();
                        let (count, short) = (offices.len(), group_thousands(c.shortfall.unsigned_abs()));
                        view! {
                            <td class="num below-plan" title=offices.join(", ")>
                                {move || format!("{count} {} ▼{short}", state.t("inspection.rows"))}
                            </td>
                        }
                        .into_any()
                    }
                    None => view! { <td class="num muted">"—"</td> }.into_any(),
                })
                .collect_view();
            view! { <tr><th scope="row">{move || format_month(month, state.date_style.get())}</th>{row}</tr> }
        })
        .collect_view();
    view! {
        <section class="inspection-tracker">
            <h2>{t("plan.sheet.inspections")} <ExportButtons export test_id="inspection-export" /></h2>
            <table class="compact" data-testid="inspection-tracker">
                <thead><tr><th scope="col">{t("plan.col.month")}</th>{header}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}
