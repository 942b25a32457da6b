//! The column-mapping step: when a file's header row matches no table, its
//! columns are shown beside the expected ones; the user maps them once and the
//! mapping is remembered for files with the same header.

use crate::app::state::{tr, AppState};
use crate::core::import::schema::{
    closest_table, header_signature, match_header, Column, ColumnMapping, HeaderMatch, TableSpec,
};
use crate::profiles::pension::tables::PensionTable;
use leptos::prelude::*;

#[component]
pub fn ColumnMappingForm(file: String, header: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let closest: PensionTable = closest_table(&header);
    let table = RwSignal::new(closest);
    let positions = RwSignal::new(match_header(&header, closest).positions);
    let header_for_table = header.clone();
    let choose_table = move |t: PensionTable| {
        table.set(t);
        positions.set(match_header(&header_for_table, t).positions);
    };
    let signature = header_signature(&header);
    let missing =
        move || HeaderMatch { table: table.get(), positions: positions.get() }.missing_required().len();
    let apply = move |_| {
        let mapping = ColumnMapping {
            signature: signature.clone(),
            table: table.get_untracked(),
            positions: positions.get_untracked(),
        };
        state.remember_mapping(mapping)
    };
    view! {
        <details class="mapping" open data-testid="column-mapping">
            <summary>{move || format!("{} — {}", file, state.t("mapping.title"))}</summary>
            <p class="muted">{tr("mapping.explain")}</p>
            <label>
                {tr("problem.csv.table")}
                <select on:change=move |ev| {
                    if let Some(t) = PensionTable::from_code(&event_target_value(&ev)) {
                        choose_table(t);
                    }
                }>
                    {PensionTable::ALL
                        .iter()
                        .copied()
                        .map(|t| view! { <option value=t.code() selected=move || table.get() == t>{move || t.name(state.lang.get())}</option> })
                        .collect_view()}
                </select>
            </label>
            <table class="compact">
                <thead>
                    <tr>
                        <th scope="col">{tr("mapping.expected")}</th>
                        <th scope="col">{tr("mapping.from_file")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        table
                            .get()
                            .columns()
                            .iter()
                            .enumerate()
                            .map(|(index, column)| view! { <ColumnRow column=*column index header=header.clone() positions /> })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <button type="button" class="primary" prop:disabled=move || { missing() > 0 } on:click=apply>
                {tr("mapping.apply")}
            </button>
        </details>
    }
}

/// One expected column and the file column it is read from.
#[component]
fn ColumnRow(
    column: Column,
    index: usize,
    header: Vec<String>,
    positions: RwSignal<Vec<Option<usize>>>,
) -> impl IntoView {
    let name = format!("{} / {}{}", column.japanese, column.english, if column.required { " *" } else { "" });
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>
                <select on:change=move |ev| {
                    let value = event_target_value(&ev).parse::<usize>().ok();
                    positions.update(|p| p[index] = value);
                }>
                    <option value="" selected=move || positions.get()[index].is_none()>"—"</option>
                    {header
                        .into_iter()
                        .enumerate()
                        .map(|(j, name)| view! { <option value=j.to_string() selected=move || positions.get()[index] == Some(j)>{name}</option> })
                        .collect_view()}
                </select>
            </td>
        </tr>
    }
}
