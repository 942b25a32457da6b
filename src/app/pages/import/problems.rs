//! The rejected rows: the first [`SHOWN`] on the page with the count, every
//! one in the CSV.

use crate::app::download::save_text;
use crate::app::state::AppState;
use crate::core::import::problem::problems_csv;
use leptos::prelude::*;

/// Rows shown on the page; a file with a broken column can have millions.
const SHOWN: usize = 200;

#[component]
pub fn ProblemList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |key: &'static str| move || state.t(key);
    let export = move |_| {
        let lang = state.lang.get_untracked();
        let csv = state.report.with_untracked(|r| problems_csv(&r.problems, lang));
        save_text("shuno-rejected-rows.csv", &csv, "text/csv;charset=utf-8");
    };
    let total = move || state.report.with(|r| r.problems.len());
    let count = move || {
        let lang = state.lang.get().code();
        (total() > SHOWN)
            .then(|| rust_i18n::t!("import.problems_shown", locale = lang, shown = SHOWN, total = total()))
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
                            <td>{p.reason_text(lang)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h2>{t("import.problems")}</h2>
        <button type="button" on:click=export>{t("import.export_problems")}</button>
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
