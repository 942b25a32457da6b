//! Where effort pays: for each office × kind, the yen one more promoted month
//! earns and the yen at the ratio's next 0.1 % step, with the contacts that
//! takes at the office's yield. The best 20 on screen, every one in the export.

use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::pension::scenarios::Scenarios;
use crate::app::state::{tr, tr_key, AppState};
use crate::core::money::{format_count, format_yen};
use crate::profiles::pension::rules::effort::EffortPays;
use crate::profiles::pension::views::exposure::effort_workbook;
use leptos::prelude::*;

/// Rows on screen.
const SHOWN: usize = 20;

#[component]
pub fn Effort() -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = expect_context::<Scenarios>().effort;
    let export = move |lang| Export {
        book: effort_workbook(&list.get_untracked().unwrap_or_default(), lang),
        stem: state.t("effort.title"),
    };
    let rows = move || {
        list.get()
            .unwrap_or_default()
            .into_iter()
            .take(SHOWN)
            .map(|e| view! { <EffortRow e /> })
            .collect_view()
    };
    view! {
        <section class="whatif-effort" data-testid="whatif-effort">
            <h2>{tr("effort.title")} <ExportButtons export test_id="effort-export" /></h2>
            <p class="muted">{tr("effort.lead")}</p>
            <table class="compact">
                <thead><tr>
                    {["office_code", "kind", "yen_for_one_month", "months_to_next_step", "yen_at_next_step", "effort_to_next_step"]
                        .map(|c| view! { <th scope="col">{tr_key(format!("effort.col.{c}"))}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn EffortRow(e: EffortPays) -> impl IntoView {
    let kind = e.kind;
    view! {
        <tr>
            <th scope="row">{e.office_code.clone()}</th>
            <td>{tr_key(format!("kind.{}", kind.code()))}</td>
            <td class="num">{format_yen(e.yen_for_one_month)}</td>
            <td class="num">{format_count(e.months_to_next_step)}</td>
            <td class="num">{format_yen(e.yen_at_next_step)}</td>
            <td class="num">{e.effort_to_next_step.map_or("—".into(), format_count)}</td>
        </tr>
    }
}
