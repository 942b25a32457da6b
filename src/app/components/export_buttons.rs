//! The two ways out of a table: CSV (safe for spreadsheets, written on the page)
//! and an Excel workbook (written in the export worker, loaded on first use).

use crate::app::download::save_text;
use crate::app::export_client::save_workbook;
use crate::app::state::{tr, AppState};
use crate::core::export::csv::sheet_csv;
use crate::core::export::Workbook;
use crate::core::i18n::Lang;
use leptos::prelude::*;

/// What a table exports: its workbook (the CSV is the workbook's last sheet,
/// the table itself) and the file name without extension.
pub struct Export {
    pub book: Workbook,
    pub stem: String,
}

/// "CSV" and "Excel" buttons for the table `export` makes in the current
/// language; `test_id` names them `{test_id}-csv` and `{test_id}-xlsx`.
#[component]
pub fn ExportButtons(
    export: impl Fn(Lang) -> Export + Copy + Send + Sync + 'static,
    test_id: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let csv = move |_| {
        let Export { book, stem } = export(state.lang.get_untracked());
        if let Some(table) = book.sheets.last() {
            save_text(&format!("{stem}.csv"), &sheet_csv(table), "text/csv;charset=utf-8");
        }
    };
    let xlsx = move |_| {
        let Export { book, stem } = export(state.lang.get_untracked());
        busy.set(true);
        failure.set(None);
        save_workbook(book, format!("{stem}.xlsx"), move |result| {
            busy.set(false);
            failure.set(result.err());
        });
    };
    view! {
        <span class="export-buttons">
            <button type="button" data-testid=format!("{test_id}-csv") on:click=csv>{tr("export.csv")}</button>
            <button type="button" data-testid=format!("{test_id}-xlsx") disabled=move || busy.get() on:click=xlsx>
                {move || state.t(if busy.get() { "export.xlsx_busy" } else { "export.xlsx" })}
            </button>
            <Show when=move || failure.with(Option::is_some)>
                <span class="error" role="alert">{move || format!("{}: {}", state.t("export.failed"), failure.get().unwrap_or_default())}</span>
            </Show>
        </span>
    }
}
