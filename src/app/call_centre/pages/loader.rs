//! Where the call centre's files come in: a file picker (several files at
//! once), the demo, the day judged, and every refused row with its reason.

use super::super::CallCentreState;
use crate::app::components::other_contract::OtherContract;
use crate::app::download::save_text;
use crate::app::import_client::Source;
use crate::app::pages::import::problems::{first_problems, problems_export, ProblemList};
use crate::app::state::{tr, AppState};
use crate::core::import::schema::TableSpec;
use crate::profiles::call_centre::tables::CallCentreTable;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The files chosen in a multiple file input.
fn chosen_files(ev: &leptos::ev::Event) -> Vec<Source> {
    let Some(files) =
        ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).and_then(|i| i.files())
    else {
        return Vec::new();
    };
    (0..files.length())
        .filter_map(|i| files.get(i))
        .map(|f| Source { name: f.name(), blob: f.into() })
        .collect()
}

/// Each table's template with its two example rows (UTF-8 with BOM, for Excel).
#[component]
fn Templates() -> impl IntoView {
    let state = expect_context::<AppState>();
    CallCentreTable::ALL
        .iter()
        .copied()
        .map(|table| {
            let save = move |_| {
                save_text(&format!("{}.csv", table.code()), &table.example_file(), "text/csv;charset=utf-8")
            };
            view! {
                <button type="button" data-testid=format!("cc-template-{}", table.code()) on:click=save>
                    {move || format!("{} {}", state.t("cc.template"), table.name(state.lang.get()))}
                </button>
            }
        })
        .collect_view()
}

#[component]
pub fn Loader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cc = expect_context::<CallCentreState>();
    cc.ensure_loaded();
    let tables = CallCentreTable::ALL.iter().map(|t| t.code()).collect::<Vec<_>>().join(", ");
    let shown = Memo::new(move |_| {
        cc.loaded.with(|l| l.as_ref().map(|l| first_problems(&l.problems)).unwrap_or_default())
    });
    let export = move |lang| {
        cc.loaded.with_untracked(|l| problems_export(l.as_ref().map_or(&[][..], |l| &l.problems), lang))
    };
    let as_of = move || cc.pages(|p| p.as_of.to_string()).unwrap_or_default();
    let totals = move || {
        let (read, accepted, rejected) = cc.loaded.with(|l| l.as_ref().map(|l| l.totals))?;
        Some(format!(
            "{} {read} = {} {accepted} + {} {rejected}",
            state.t("cli.read"),
            state.t("cli.accepted"),
            state.t("cli.rejected")
        ))
    };
    view! {
        <div class="cc-loader">
            <label class="button">
                {tr("cc.load_files")}
                <input type="file" multiple accept=".csv,.tsv,.txt" data-testid="cc-files"
                    on:change=move |ev| { let files = chosen_files(&ev); if !files.is_empty() { cc.load(Some(files)); } } />
            </label>
            <button type="button" on:click=move |_| cc.load(None)>{tr("cc.load_demo")}</button>
            <span class="muted">{move || format!("{} ({tables})", state.t("cc.tables_hint"))}</span>
            <Templates />
            <Show when=move || cc.is_demo.get()>
                <span class="demo-badge" data-testid="cc-demo-badge">{tr("app.demo_badge")}</span>
            </Show>
            <label>
                {tr("cc.as_of")}
                <input type="date" data-testid="cc-as-of" prop:value=as_of min="2026-04-01" max="2027-03-31"
                    on:change=move |ev| cc.as_of.set(event_target_value(&ev).parse().ok()) />
            </label>
            <span class="muted" data-testid="cc-as-of-shown">
                {move || cc.pages(|p| p.as_of_text.clone())}
            </span>
            <span class="muted" data-testid="cc-totals">{totals}</span>
            // Always in the row, shown or hidden: a line appearing above the
            // page's buttons would move them under a click.
            <span class="muted" role="status" style:visibility=move || if cc.busy.get() { "visible" } else { "hidden" }>
                {tr("app.loading")}
            </span>
        </div>
        <OtherContract headers=Signal::derive(move || cc.loaded.with(|l| l.as_ref().and_then(|l| l.other_headers.clone()))) />
        <Show when=move || cc.failure.with(Option::is_some)>
            <p class="errors" role="alert">{move || cc.failure.get()}</p>
        </Show>
        <Show when=move || shown.with(|s| s.1 > 0)>
            <div class="errors" role="alert" data-testid="cc-blocked">{tr("cc.blocked")}</div>
            <ProblemList shown export />
        </Show>
    }
}
