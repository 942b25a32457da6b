//! The rejected rows: the first [`SHOWN`] on the page with the count, every
//! one in the CSV.

use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, AppState};
use crate::core::export::Workbook;
use crate::core::i18n::msg;
use crate::core::import::problem::problems_sheet;
use leptos::prelude::*;

/// Rows shown on the page; a file with a broken column can have millions.
const SHOWN: usize = 200;

#[component]
pub fn ProblemList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let export = move |lang| {
        let sheet = state.report.with_untracked(|r| problems_sheet(&r.problems, lang));
        Export { stem: sheet.name.clone(), book: Workbook { sheets: vec![sheet] } }
    };
    let total = move || state.report.with(|r| r.problems.len());
    let count = move || {
        let lang = state.lang.get();
        (total() > SHOWN)
            .then(|| msg("import.problems_shown").arg("shown", SHOWN).arg("total", total()).render(lang))
    };
    let rows = move || {
        let lang = state.lang.get();
        state.report.with(|r| {
            r.problems
                .iter()
                .take(SHOWN)
                .map(|p| {
                    view! {
                        <tr class="problem">
                            <td>{p.file.clone()}</td>
                            <td class="num">{p.line.map(|l| l.to_string()).unwrap_or_default()}</td>
                            <td>{p.column.clone().unwrap_or_default()}</td>
                            <td><code>{p.value.clone().unwrap_or_default()}</code></td>
                            <td>{p.reason_text(lang).to_string()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h2>{t("import.problems")}</h2>
        <ExportButtons export test_id="export-problems" />
        <p class="muted" data-testid="problems-shown">{count}</p>
        <table class="problems" data-testid="problem-list">
            <thead>
                <tr>
                    <th scope="col">{t("problem.csv.file")}</th>
                    <th scope="col" class="num">{t("problem.csv.line")}</th>
                    <th scope="col">{t("problem.csv.column")}</th>
                    <th scope="col">{t("problem.csv.value")}</th>
                    <th scope="col">{t("problem.csv.reason")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
