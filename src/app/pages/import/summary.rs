//! What happened to each file: its table, its encoding (changeable), and
//! read = accepted + rejected.

use crate::app::state::{tr, AppState};
use crate::core::import::decode::Encoding;
use crate::core::import::schema::TableSpec;
use crate::core::import::FileSummary;
use crate::profiles::pension::tables::PensionTable;
use leptos::prelude::*;

#[component]
pub fn FileSummaries() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let totals = move || {
        let (read, accepted, rejected) = state.report.with(|r| r.totals());
        format!(
            "{} {read} = {} {accepted} + {} {rejected}",
            state.t("cli.read"),
            state.t("cli.accepted"),
            state.t("cli.rejected")
        )
    };
    view! {
        <h2>{t("import.summary")}</h2>
        <p data-testid="import-totals">{totals}</p>
        <table class="files" data-testid="file-summary">
            <thead>
                <tr>
                    <th scope="col">{t("problem.csv.file")}</th>
                    <th scope="col">{t("problem.csv.table")}</th>
                    <th scope="col">{t("import.encoding")}</th>
                    <th scope="col" class="num">{t("cli.read")}</th>
                    <th scope="col" class="num">{t("cli.accepted")}</th>
                    <th scope="col" class="num">{t("cli.rejected")}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || state.report.with(|r| r.files.clone()) key=|f| (f.file.clone(), f.read, f.rejected, f.encoding) let(f)>
                    <FileRow f />
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn FileRow(f: FileSummary<PensionTable>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let table = move || f.table.map_or("—".to_string(), |t| t.name(state.lang.get()));
    let (file, detected, current, sheet) = (f.file.clone(), f.encoding_detected, f.encoding, f.sheet);
    view! {
        <tr data-file=f.file.clone()>
            <td>{f.file.clone()}</td>
            <td>{table}</td>
            <td>
                <Show when=move || !sheet fallback=|| "xlsx">
                    <EncodingSelect file=file.clone() detected current />
                </Show>
            </td>
            <td class="num" data-testid="read">{f.read}</td>
            <td class="num" data-testid="accepted">{f.accepted}</td>
            <td class="num" data-testid="rejected">{f.rejected}</td>
        </tr>
    }
}

/// The file's encoding: detected, or the user's choice.
#[component]
fn EncodingSelect(file: String, detected: bool, current: Option<Encoding>) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <select
            aria-label=tr("import.encoding")
            on:change=move |ev| state.choose_encoding(&file, Encoding::from_code(&event_target_value(&ev)))
        >
            <option value="" selected=detected>
                {move || format!("{} ({})", state.t("cli.detected"), current.map_or("—", |e| e.label()))}
            </option>
            {Encoding::ALL
                .iter()
                .copied()
                .map(|e| view! { <option value=e.code() selected=!detected && current == Some(e)>{e.label()}</option> })
                .collect_view()}
        </select>
    }
}
