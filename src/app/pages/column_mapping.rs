//! The column-mapping step: when a file's header row matches no table, its
//! columns are shown beside the expected ones; the user maps them once and the
//! mapping is remembered for files with the same header.

use crate::app::state::AppState;
use crate::core::import::schema::{header_signature, match_header, ColumnMapping, TableSpec};
use crate::profiles::pension::tables::PensionTable;
use leptos::prelude::*;

#[component]
pub fn ColumnMappingForm(file: String, header: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Start from the table the header comes closest to (the first on a tie).
    let closest = PensionTable::ALL
        .iter()
        .copied()
        .rev()
        .max_by_key(|t| match_header(&header, *t).positions.iter().flatten().count())
        .unwrap_or(PensionTable::Offices);
    let table = RwSignal::new(closest);
    let positions = RwSignal::new(match_header(&header, closest).positions);
    let header_for_table = header.clone();
    let choose_table = move |t: PensionTable| {
        table.set(t);
        positions.set(match_header(&header_for_table, t).positions);
    };
    let signature = header_signature(&header);
    let missing = move || {
        let m = crate::core::import::schema::HeaderMatch { table: table.get(), positions: positions.get() };
        m.missing_required().len()
    };
    let header_for_rows = header.clone();
    view! {
        <details class="mapping" open data-testid="column-mapping">
            <summary>{move || format!("{} — {}", file, state.t("mapping.title"))}</summary>
            <p class="muted">{move || state.t("mapping.explain")}</p>
            <label>
                {move || state.t("problem.csv.table")}
                <select on:change=move |ev| {
                    if let Some(t) = PensionTable::from_code(&event_target_value(&ev)) {
                        choose_table(t);
                    }
                }>
                    {PensionTable::ALL
                        .iter()
                        .copied()
                        .map(|t| view! { <option value=t.code() selected=move || table.get() == t>{t.code()}</option> })
                        .collect_view()}
                </select>
            </label>
            <table class="compact">
                <thead>
                    <tr>
                        <th scope="col">{move || state.t("mapping.expected")}</th>
                        <th scope="col">{move || state.t("mapping.from_file")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let header = header_for_rows.clone();
                        table
                            .get()
                            .columns()
                            .iter()
                            .enumerate()
                            .map(|(i, column)| {
                                let options = header.clone();
                                view! {
                                    <tr>
                                        <th scope="row">
                                            {format!("{} / {}{}", column.japanese, column.english, if column.required { " *" } else { "" })}
                                        </th>
                                        <td>
                                            <select on:change=move |ev| {
                                                let value = event_target_value(&ev).parse::<usize>().ok();
                                                positions.update(|p| p[i] = value);
                                            }>
                                                <option value="" selected=move || positions.get()[i].is_none()>"—"</option>
                                                {options
                                                    .into_iter()
                                                    .enumerate()
                                                    .map(|(j, name)| {
                                                        view! {
                                                            <option value=j.to_string() selected=move || positions.get()[i] == Some(j)>
                                                                {name}
                                                            </option>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </select>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <button
                type="button"
                class="primary"
                prop:disabled=move || { missing() > 0 }
                on:click=move |_| {
                    state.remember_mapping(ColumnMapping {
                        signature: signature.clone(),
                        table: table.get_untracked(),
                        positions: positions.get_untracked(),
                    })
                }
            >
                {move || state.t("mapping.apply")}
            </button>
        </details>
    }
}
