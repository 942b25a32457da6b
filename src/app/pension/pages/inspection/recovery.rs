//! The recovery plan to attach to the 理由書: per office and method, the count
//! owed and what each remaining month adds; printable on its own (A4 landscape)
//! and exportable.

use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, AppState};
use crate::core::calendar::format_month;
use crate::core::money::group_thousands;
use crate::profiles::pension::views::plan::Plan;
use crate::profiles::pension::views::plan_export::{plan_file_stem, sheet_workbook, PlanSheet};
use leptos::prelude::*;
use std::sync::Arc;

/// Prints the recovery plan alone: the body's class tells the print styles.
fn print_recovery() {
    let body = gloo::utils::body();
    let _ = body.class_list().add_1("printing-recovery");
    let _ = gloo::utils::window().print();
    let _ = body.class_list().remove_1("printing-recovery");
}

#[component]
pub fn Recovery(plan: Arc<Plan>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let stored = StoredValue::new(plan.as_ref().clone());
    let export = move |lang| {
        stored.with_value(|p| Export {
            book: sheet_workbook(p, PlanSheet::RecoveryPlan, lang),
            stem: format!("{}_{}", plan_file_stem(p, lang), state.t("plan.sheet.recovery_plan")),
        })
    };
    let months: Vec<_> =
        plan.recovery_plan.first().map(|l| l.months.iter().map(|m| m.month).collect()).unwrap_or_default();
    let header = months
        .iter()
        .map(|m| {
            let m = *m;
            view! { <th scope="col" class="num">{move || format_month(m, state.date_style.get())}</th> }
        })
        .collect_view();
    let rows = plan
        .recovery_plan
        .iter()
        .map(|l| {
            let office = l.office_code.clone().unwrap_or_else(|| state.t("plan.all_offices"));
            view! {
                <tr>
                    <th scope="row">{office}</th>
                    <td>{l.method.clone()}</td>
                    <td class="num">{group_thousands(l.owed.unsigned_abs())}</td>
                    <td>{l.deadline.map(|d| d.to_string())}</td>
                    {l.months.iter().map(|m| view! {
                        <td class="num" title=format!("{} + {}", m.planned, m.extra)>{format!("+{}", m.extra)}</td>
                    }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let empty = plan.recovery_plan.is_empty();
    let no_months_left = months.is_empty() && !empty;
    view! {
        <section class="inspection-recovery" data-testid="recovery-plan">
            <h2>
                {t("plan.sheet.recovery_plan")}
                <ExportButtons export test_id="recovery-export" />
                <button type="button" on:click=move |_| print_recovery()>{t("projector.print")}</button>
            </h2>
            <p class="muted">{move || state.t(&format!("plan.shape.{}", state.inspection.with(|c| c.shape.code())))}</p>
            {empty.then(|| view! { <p>{t("inspection.nothing_owed")}</p> })}
            {no_months_left.then(|| view! { <p class="errors">{t("inspection.no_months_left")}</p> })}
            {(!empty).then(|| view! {
                <table class="compact">
                    <thead>
                        <tr>
                            <th scope="col">{t("plan.col.office_code")}</th>
                            <th scope="col">{t("plan.col.method")}</th>
                            <th scope="col" class="num">{t("plan.col.owed")}</th>
                            <th scope="col">{t("plan.col.deadline")}</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        </section>
    }
}
