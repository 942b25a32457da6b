//! The rejected rows of any contract's import: the first [`SHOWN`] on the
//! page with the count, every one in the CSV.

use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::{tr, AppState};
use crate::core::export::Workbook;
use crate::core::i18n::msg;
use crate::core::import::problem::{problems_sheet, ShownProblem};
use crate::core::import::schema::TableSpec;
use leptos::prelude::*;

/// Rows shown on the page; a file with a broken column can have millions.
pub const SHOWN: usize = 200;

/// The first [`SHOWN`] problems and how many there are.
pub fn first_problems<T: TableSpec>(problems: &[ShownProblem<T>]) -> (Vec<ShownProblem<T>>, usize) {
    (problems.iter().take(SHOWN).cloned().collect(), problems.len())
}

/// The problems as the CSV and workbook export them.
pub fn problems_export<T: TableSpec>(problems: &[ShownProblem<T>], lang: crate::core::i18n::Lang) -> Export {
    let sheet = problems_sheet(problems, lang);
    Export { stem: sheet.name.clone(), book: Workbook { sheets: vec![sheet] } }
}

/// The pension import's problems.
#[component]
pub fn PensionProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = Memo::new(move |_| state.report.with(|r| first_problems(&r.problems)));
    view! { <ProblemList shown export=move |lang| state.report.with_untracked(|r| problems_export(&r.problems, lang)) /> }
}

#[component]
pub fn ProblemList<T: TableSpec>(
    shown: Memo<(Vec<ShownProblem<T>>, usize)>,
    export: impl Fn(crate::core::i18n::Lang) -> Export + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let total = move || shown.with(|s| s.1);
    let count = move || {
        let lang = state.lang.get();
        (total() > SHOWN)
            .then(|| msg("import.problems_shown").arg("shown", SHOWN).arg("total", total()).render(lang))
    };
    let rows = move || {
        let lang = state.lang.get();
        shown.with(|(problems, _)| {
            problems
                .iter()
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
