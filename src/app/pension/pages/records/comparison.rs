//! Promoted months computed from the records beside the progress table's "as
//! reported", and the tally of every payment row.

use super::Names;
use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, tr_key, AppState};
use crate::core::calendar::format_month;
use crate::core::money::{group_thousands, signed_count};
use crate::profiles::pension::records::comparison::{compare, Comparison as Row};
use crate::profiles::pension::records::export::{promoted_file_stem, promoted_workbook};
use crate::profiles::pension::records::promoted::{PaymentTally, PromotedTable};
use leptos::prelude::*;

#[component]
pub fn PaymentTally(tally: PaymentTally) -> impl IntoView {
    let state = expect_context::<AppState>();
    let parts = move || {
        [
            ("records.tally.promoted", tally.promoted),
            ("records.tally.not_promoted", tally.not_promoted),
            ("records.tally.on_time", tally.on_time),
            ("records.tally.forced", tally.forced),
            ("records.tally.out_of_scope", tally.out_of_scope),
            ("records.tally.after_through", tally.after_through),
        ]
        .map(|(key, n)| format!("{} {}", state.t(key), group_thousands(n)))
        .join(" · ")
    };
    view! { <p class="muted" data-testid="payment-tally">{move || format!("{}: {}", state.t("records.tally"), parts())}</p> }
}

#[component]
pub fn Comparison(promoted: PromotedTable, names: Names) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let rows = state.report.with_untracked(|r| compare(promoted.latest_rows(), &r.dataset.progress));
    let promoted = StoredValue::new(promoted);
    let export = move |lang| {
        let sources = state.report.with_untracked(|r| r.file_names());
        let through = state.records_options.get_untracked().through;
        promoted.with_value(|p| Export {
            book: promoted_workbook(p, through, &sources, lang),
            stem: promoted_file_stem(through, lang),
        })
    };
    view! {
        <div class="settlement-head">
            <h2>{t("records.comparison")}</h2>
            <ExportButtons export test_id="export-promoted" />
        </div>
        <div class="table-wrap">
            <table data-testid="records-comparison">
                <thead><tr>
                    <th>{t("table.col.office")}</th><th>{t("table.col.kind")}</th><th>{t("records.month")}</th>
                    <th class="num">{t("records.computed")}</th><th class="num">{t("records.reported")}</th>
                    <th class="num">{t("records.difference")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|c| {
                        let name = names.get(&c.office_code).cloned().unwrap_or_default();
                        view! { <ComparisonRow c name /> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ComparisonRow(c: Row, name: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let difference = c.difference();
    let class = match difference {
        Some(0) => "num",
        Some(_) => "num diff",
        None => "num muted",
    };
    let (kind, month) = (c.kind, c.month);
    view! {
        <tr data-office=c.office_code.clone() data-kind=kind.code()>
            <td><span class="office-name">{name}</span><span class="small">{c.office_code.clone()}</span></td>
            <td>{tr_key(format!("kind.{}", kind.code()))}</td>
            <td>{move || format_month(month, state.date_style.get())}</td>
            <td class="num" data-testid="computed">{group_thousands(c.computed)}</td>
            <td class="num">{c.reported.map_or("—".to_string(), |r| group_thousands(r.max(0) as u64))}</td>
            <td class=class>{difference.map_or("—".to_string(), signed_count)}</td>
        </tr>
    }
}
