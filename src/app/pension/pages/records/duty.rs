//! Contact duty by office, and the overdue persons (the first
//! [`OVERDUE_SHOWN`] on the page, all in the export).

use super::Names;
use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, AppState};
use crate::core::calendar::format_date;
use crate::core::money::group_thousands;
use crate::profiles::pension::records::duty::DutyReport;
use crate::profiles::pension::records::export::{duty_file_stem, duty_workbook};
use leptos::prelude::*;

/// Rows of the overdue list drawn on the page (the export has them all).
const OVERDUE_SHOWN: usize = 200;

#[component]
pub fn DutyOffices(duty: DutyReport, names: Names) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let rows = duty
        .offices
        .iter()
        .map(|o| {
            let cells = (0..3)
                .map(|i| {
                    view! { <td class="num">{group_thousands(o.persons[i])}<span class="small">{format!("▲ {}", group_thousands(o.overdue[i]))}</span></td> }
                })
                .collect_view();
            let name = names.get(&o.office_code).cloned().unwrap_or_default();
            view! {
                <tr data-office=o.office_code.clone()>
                    <td><span class="office-name">{name}</span><span class="small">{o.office_code.clone()}</span></td>
                    {cells}
                    <td class="num">{group_thousands(o.forced)}</td>
                    <td class="num total">{group_thousands(o.overdue.iter().sum())}</td>
                </tr>
            }
        })
        .collect_view();
    let as_of = duty.as_of.map(|d| d.to_string()).unwrap_or_default();
    let duty = StoredValue::new(duty);
    let export = move |lang| {
        let sources = state.report.with_untracked(|r| r.file_names());
        duty.with_value(|d| Export { book: duty_workbook(d, &sources, lang), stem: duty_file_stem(d, lang) })
    };
    view! {
        <div class="settlement-head">
            <h2>{t("records.duty")}</h2>
            <ExportButtons export test_id="export-overdue" />
        </div>
        <div class="table-wrap">
            <table data-testid="duty-offices" data-as-of=as_of>
                <thead><tr>
                    <th>{t("table.col.office")}</th><th class="num">"1–6"</th><th class="num">"7–23"</th><th class="num">"24+"</th>
                    <th class="num">{t("duty.forced_short")}</th><th class="num">{t("duty.overdue_short")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn OverdueList(duty: DutyReport) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let style = move || state.date_style.get();
    let total = duty.overdue.len();
    let rows = duty
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
    view! {
        <h3 data-testid="overdue-count">{move || format!("{} {}", state.t("duty.overdue_list"), group_thousands(total as u64))}</h3>
        <Show when=move || { total > OVERDUE_SHOWN }>
            <p class="muted">{move || state.t("records.overdue_shown").replace("%{n}", &OVERDUE_SHOWN.to_string())}</p>
        </Show>
        <div class="table-wrap">
            <table data-testid="overdue-list">
                <thead><tr>
                    <th>{t("duty.col.person")}</th><th>{t("duty.col.office")}</th><th>{t("duty.col.bucket")}</th>
                    <th>{t("duty.col.provided")}</th><th>{t("duty.col.last_action")}</th><th>{t("duty.col.due")}</th>
                    <th class="num">{t("duty.col.days_overdue")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
