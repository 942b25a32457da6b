//! Import: pick or drop files, see per file what was read, accepted and
//! rejected, the list of rejected rows (exportable), templates, and "clear all".

mod drop_zone;
mod problems;
mod progress;
mod summary;

use crate::app::download::save_text;
use crate::app::pages::column_mapping::ColumnMappingForm;
use crate::app::state::AppState;
use crate::core::import::schema::TableSpec;
use crate::profiles::pension::tables::PensionTable;
use leptos::prelude::*;

#[component]
pub fn Import() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |key: &'static str| move || state.t(key);
    view! {
        <section class="page import">
            <h1>{t("nav.import")}</h1>
            <drop_zone::DropZone />
            <p class="muted">{t("import.privacy")}</p>
            <progress::ImportStatus />
            <summary::FileSummaries />
            <MappingForms />
            <problems::ProblemList />
            <Templates />
        </section>
    }
}

/// A column-mapping form for each file whose header matched no table.
#[component]
fn MappingForms() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.report.with(|r| {
            r.files
                .iter()
                .filter(|f| !f.unrecognised_header.is_empty())
                .map(|f| view! { <ColumnMappingForm file=f.file.clone() header=f.unrecognised_header.clone() /> })
                .collect_view()
        })
    }
}

/// A blank file with the header of each table, for Excel.
#[component]
fn Templates() -> impl IntoView {
    let state = expect_context::<AppState>();
    let save = |table: PensionTable| {
        save_text(&format!("{}.csv", table.code()), &table.template(), "text/csv;charset=utf-8")
    };
    view! {
        <h2>{move || state.t("import.templates")}</h2>
        <div class="templates">
            {PensionTable::ALL
                .iter()
                .copied()
                .map(|table| view! { <button type="button" on:click=move |_| save(table)>{table.code()}</button> })
                .collect_view()}
        </div>
    }
}
