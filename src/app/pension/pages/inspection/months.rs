//! The months of the period to date: the rows short of plan, the 理由書's
//! deadline and status, and the day it was filed (entered here, saved only in
//! the filings file the user downloads and loads back with the data).

use crate::app::download::save_text;
use crate::app::state::{tr, AppState};
use crate::core::calendar::{format_month, YearMonth};
use crate::core::export::csv::sheet_csv;
use crate::core::import::values::parse_date;
use crate::profiles::pension::rules::inspection::FilingStatus;
use crate::profiles::pension::views::plan::Plan;
use crate::profiles::pension::views::plan_export::{filings_sheet, status_message};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Months(plan: Arc<Plan>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let save = {
        let plan = plan.clone();
        move |_| {
            let sheet = filings_sheet(&plan, state.lang.get_untracked());
            save_text(&format!("{}.csv", sheet.name), &sheet_csv(&sheet), "text/csv;charset=utf-8");
        }
    };
    let rows = plan
        .months
        .iter()
        .map(|m| {
            let (month, deadline, status) = (m.month, m.deadline, m.status);
            let filed = plan.filed.get(&month).map(|d| d.to_string()).unwrap_or_default();
            let class = match status {
                FilingStatus::NotNeeded => "",
                FilingStatus::Due { .. } => "due",
                FilingStatus::Filed { late: false, .. } => "filed",
                FilingStatus::Overdue { .. } | FilingStatus::Filed { late: true, .. } => "withheld",
            };
            view! {
                <tr class=class data-testid=format!("month-{month}")>
                    <th scope="row">{move || format_month(month, state.date_style.get())}</th>
                    <td class="num">{m.short_rows}</td>
                    <td data-testid="deadline">{(m.short_rows > 0).then(|| deadline.to_string())}</td>
                    <td data-testid="status">{move || status_message(status).render(state.lang.get())}</td>
                    <td><FiledInput month filed /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="inspection-months">
            <h2>{t("plan.sheet.months")}</h2>
            <p class="muted">{t("inspection.deadline_rule")}</p>
            <table class="compact" data-testid="inspection-months">
                <thead>
                    <tr>
                        <th scope="col">{t("plan.col.month")}</th>
                        <th scope="col" class="num">{t("plan.col.short_rows")}</th>
                        <th scope="col">{t("plan.col.deadline")}</th>
                        <th scope="col">{t("plan.col.status")}</th>
                        <th scope="col">{t("inspection.filed_on")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p>
                <button type="button" data-testid="save-filings" on:click=save>{t("inspection.save_filings")}</button>
                <span class="muted">{t("inspection.filings_hint")}</span>
            </p>
        </section>
    }
}

/// The day a month's 理由書 was filed; clearing it takes the entry back.
#[component]
fn FiledInput(month: YearMonth, filed: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let change = move |ev| {
        let day = parse_date(&event_target_value(&ev)).ok();
        state.inspection.update(|c| {
            c.entered.retain(|(m, _)| *m != month);
            if let Some(day) = day {
                c.entered.push((month, day));
            }
        });
    };
    view! { <input type="date" value=filed aria-label=tr("inspection.filed_on") on:change=change /> }
}
