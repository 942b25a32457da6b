//! Import: pick or drop files, see per file what was read, accepted and
//! rejected, the list of rejected rows (exportable), the guided start with the
//! templates, and "clear all".

mod drop_zone;
mod guide;
pub mod problems;
mod progress;
mod summary;

use crate::app::components::other_contract::OtherContract;
use crate::app::pages::column_mapping::ColumnMappingForm;
use crate::app::state::{tr, AppState};
use leptos::prelude::*;

#[component]
pub fn Import() -> impl IntoView {
    let t = tr;
    let state = expect_context::<AppState>();
    view! {
        <section class="page import">
            <h1>{t("nav.import")}</h1>
            <drop_zone::DropZone />
            <p class="muted">{t("import.privacy")}</p>
            <guide::Guide />
            <progress::ImportStatus />
            <OtherContract headers=Signal::derive(move || state.report.with(|r| r.headers_if_none_matched())) />
            <summary::FileSummaries />
            <MappingForms />
            <problems::PensionProblems />
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
