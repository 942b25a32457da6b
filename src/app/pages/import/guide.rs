//! The guided start: which tables the contract needs, where each usually comes
//! from, what it adds, which are loaded (a checklist once files are in), and
//! the templates, blank or with two example rows.

use crate::app::download::save_text;
use crate::app::state::{tr, AppState};
use crate::core::import::schema::TableSpec;
use crate::profiles::pension::tables::PensionTable;
use leptos::prelude::*;

#[component]
pub fn Guide() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let minimal = move || {
        let names: Vec<String> = PensionTable::MINIMAL.iter().map(|t| t.name(state.lang.get())).collect();
        state.t("guide.minimal").replace("%{tables}", &names.join("・"))
    };
    view! {
        <section class="guide" data-testid="guide">
            <h2>{t("guide.title")}</h2>
            <p>{minimal}</p>
            <p class="muted">{t("guide.templates_hint")}</p>
            <button type="button" class="primary" data-testid="guide-load-demo" on:click=move |_| state.load_demo()>
                {t("guide.load_demo")}
            </button>
            <div class="table-wrap">
                <table class="guide-tables" data-testid="guide-tables">
                    <thead>
                        <tr>
                            <th scope="col">{t("guide.col.table")}</th>
                            <th scope="col">{t("guide.col.status")}</th>
                            <th scope="col">{t("guide.col.from")}</th>
                            <th scope="col">{t("guide.col.adds")}</th>
                            <th scope="col">{t("guide.col.templates")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {PensionTable::ALL.iter().map(|&table| view! { <GuideRow table /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Whether a table is loaded, and if not whether the settlement needs it.
fn status_key(loaded: bool, demo: bool, table: PensionTable) -> &'static str {
    match (loaded, demo) {
        (true, true) => "guide.status.demo",
        (true, false) => "guide.status.loaded",
        (false, _) if PensionTable::MINIMAL.contains(&table) => "guide.status.needed",
        (false, _) => "guide.status.optional",
    }
}

#[component]
fn GuideRow(table: PensionTable) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loaded = move || state.report.with(|r| r.files.iter().any(|f| f.table == Some(table)));
    let key = move || status_key(loaded(), state.is_demo.get(), table);
    let describe = move |suffix: &'static str| move || state.t(&format!("tables.{}.{suffix}", table.code()));
    let blank =
        move |_| save_text(&format!("{}.csv", table.code()), &table.template(), "text/csv;charset=utf-8");
    let example = move |_| {
        let name = format!("{}_example.csv", table.code());
        save_text(&name, &table.example_file(), "text/csv;charset=utf-8")
    };
    view! {
        <tr data-table=table.code() data-status=move || key().trim_start_matches("guide.status.").to_string()>
            <th scope="row">{move || table.name(state.lang.get())}</th>
            <td class=move || if loaded() { "status ok" } else { "status" }>{move || state.t(key())}</td>
            <td>{describe("from")}</td>
            <td>{describe("adds")}</td>
            <td class="template-buttons">
                <button type="button" on:click=blank>{tr("guide.blank")}</button>
                <button type="button" on:click=example>{tr("guide.with_examples")}</button>
            </td>
        </tr>
    }
}
