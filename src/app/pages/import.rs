//! Import: pick or drop files, see per file what was read, accepted and
//! rejected, the list of rejected rows (exportable), templates, and "clear all".

use crate::app::download::save_text;
use crate::app::import_client::Source;
use crate::app::pages::column_mapping::ColumnMappingForm;
use crate::app::state::AppState;
use crate::core::import::decode::Encoding;
use crate::core::import::problem::problems_csv;
use crate::core::import::schema::TableSpec;
use crate::profiles::pension::tables::PensionTable;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Hands the chosen files to the state; the worker reads them.
fn read_files(state: AppState, list: web_sys::FileList) {
    let files =
        (0..list.length()).filter_map(|i| list.get(i)).map(|f| Source { name: f.name(), blob: f.into() });
    state.load_user_files(files.collect());
}

#[component]
pub fn Import() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |key: &'static str| move || state.t(key);
    let dragging = RwSignal::new(false);

    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        if let Some(list) = input.files() {
            read_files(state, list);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(transfer) = ev.data_transfer() else { return };
        let entries = crate::app::dropped::entries(&transfer);
        if entries.is_empty() {
            if let Some(list) = transfer.files() {
                read_files(state, list);
            }
            return;
        }
        leptos::task::spawn_local(async move {
            match crate::app::dropped::files(entries).await {
                Ok(files) => state.load_user_files(
                    files.into_iter().map(|f| Source { name: f.name(), blob: f.into() }).collect(),
                ),
                Err(e) => state.import.failure.set(Some(format!("{e:?}"))),
            }
        });
    };

    let summary = move || {
        state.report.with(|r| {
            r.files
                .iter()
                .map(|f| {
                    let table = f.table.map_or("—".to_string(), |t| t.code().to_string());
                    let name = f.file.clone();
                    let detected = f.encoding_detected;
                    let current = f.encoding;
                    let is_text = !f.file.contains('#');
                    view! {
                        <tr data-file=f.file.clone()>
                            <td>{f.file.clone()}</td>
                            <td>{table}</td>
                            <td>
                                <Show when=move || is_text fallback=|| "xlsx">
                                    <select
                                        aria-label=move || state.t("import.encoding")
                                        on:change={
                                            let name = name.clone();
                                            move |ev| state.choose_encoding(&name, Encoding::from_code(&event_target_value(&ev)))
                                        }
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
                                </Show>
                            </td>
                            <td class="num" data-testid="read">{f.read}</td>
                            <td class="num" data-testid="accepted">{f.accepted}</td>
                            <td class="num" data-testid="rejected">{f.rejected}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let mappings = move || {
        state.report.with(|r| {
            r.files
                .iter()
                .filter(|f| !f.unrecognised_header.is_empty())
                .map(|f| view! { <ColumnMappingForm file=f.file.clone() header=f.unrecognised_header.clone() /> })
                .collect_view()
        })
    };
    let problems = move || {
        let lang = state.lang.get();
        state.report.with(|r| {
            r.problems
                .iter()
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
        <section class="page import">
            <h1>{t("nav.import")}</h1>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>{t("import.drop_here")}</p>
                <label class="file-button">
                    {t("import.choose_files")}
                    <input type="file" multiple accept=".csv,.tsv,.txt,.xlsx" data-testid="file-input" on:change=on_change />
                </label>
                <label class="file-button">
                    {t("import.choose_folder")}
                    <input type="file" multiple prop:webkitdirectory=true data-testid="folder-input" on:change=on_change />
                </label>
                <button type="button" class="danger" data-testid="clear-all" on:click=move |_| state.clear()>
                    {t("import.clear_all")}
                </button>
            </div>
            <p class="muted">{t("import.privacy")}</p>
            {move || state.import.progress.get().map(|p| {
                let percent = if p.size > 0.0 { (p.bytes / p.size * 100.0).min(100.0) } else { 0.0 };
                view! {
                    <div class="import-progress" role="status" data-testid="import-progress">
                        <progress max="100" value=format!("{percent:.0}")></progress>
                        <span>{format!(
                            "{} ({}/{}) · {:.1} / {:.1} MB · {} {}",
                            p.file, p.index + 1, p.files, p.bytes / 1e6, p.size / 1e6, p.rows, state.t("import.rows")
                        )}</span>
                        <button type="button" class="danger" data-testid="cancel-import" on:click=move |_| state.cancel_import()>
                            {t("import.cancel")}
                        </button>
                    </div>
                }
            })}
            <Show when=move || state.import.cancelled.get()>
                <p class="errors" role="alert" data-testid="import-cancelled">{t("import.cancelled")}</p>
            </Show>
            {move || state.import.failure.get().map(|f| view! {
                <p class="errors" role="alert" data-testid="import-failed">
                    {format!("{}: {f}", state.t("import.worker_failed"))}<br />{state.t("import.worker_failed_hint")}
                </p>
            })}
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
                <tbody>{summary}</tbody>
            </table>
            {mappings}
            <h2>{t("import.problems")}</h2>
            <button
                type="button"
                on:click=move |_| {
                    let lang = state.lang.get_untracked();
                    let csv = state.report.with_untracked(|r| problems_csv(&r.problems, lang));
                    save_text("shuno-rejected-rows.csv", &csv, "text/csv;charset=utf-8");
                }
            >
                {t("import.export_problems")}
            </button>
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
                <tbody>{problems}</tbody>
            </table>
            <h2>{t("import.templates")}</h2>
            <div class="templates">
                {PensionTable::ALL
                    .iter()
                    .copied()
                    .map(|table| {
                        view! {
                            <button
                                type="button"
                                on:click=move |_| {
                                    save_text(&format!("{}.csv", table.code()), &table.template(), "text/csv;charset=utf-8");
                                }
                            >
                                {table.code()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
