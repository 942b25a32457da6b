//! Where the files of a contract whose pages its worker writes out come in
//! (the call centre, the dunning blocks): a file picker (several files at
//! once), the demo, the tables' templates, the day judged, read = accepted +
//! rejected, and every refused row with its reason.

use crate::app::components::other_contract::OtherContract;
use crate::app::download::save_text;
use crate::app::import_client::Source;
use crate::app::paged::PagedState;
use crate::app::pages::import::problems::{first_problems, problems_export, ProblemList};
use crate::app::state::{tr, AppState};
use crate::core::import::schema::TableSpec;
use crate::core::pages::{PagedProfile, ShownPages};
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
fn templates<P: PagedProfile>(prefix: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    P::Table::ALL
        .iter()
        .copied()
        .map(|table| {
            let save = move |_| {
                save_text(&format!("{}.csv", table.code()), &table.example_file(), "text/csv;charset=utf-8")
            };
            view! {
                <button type="button" data-testid=format!("{prefix}-template-{}", table.code()) on:click=save>
                    {move || format!("{} {}", state.t("paged.template"), table.name(state.lang.get()))}
                </button>
            }
        })
        .collect_view()
}

/// The loader of contract `P`'s pages; `prefix` starts its test ids
/// (`cc-files`), `hint` is the key of the line naming the tables.
pub fn loader<P: PagedProfile>(prefix: &'static str, hint: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let paged = expect_context::<PagedState<P>>();
    paged.ensure_loaded();
    let tables = P::Table::ALL.iter().map(|t| t.code()).collect::<Vec<_>>().join(", ");
    let shown = Memo::new(move |_| {
        paged.loaded.with(|l| l.as_ref().map(|l| first_problems(&l.problems)).unwrap_or_default())
    });
    let export = move |lang| {
        paged.loaded.with_untracked(|l| problems_export(l.as_ref().map_or(&[][..], |l| &l.problems), lang))
    };
    let as_of = move || paged.pages(|p| p.as_of().to_string()).unwrap_or_default();
    let totals = move || {
        let (read, accepted, rejected) = paged.loaded.with(|l| l.as_ref().map(|l| l.totals))?;
        Some(format!(
            "{} {read} = {} {accepted} + {} {rejected}",
            state.t("cli.read"),
            state.t("cli.accepted"),
            state.t("cli.rejected")
        ))
    };
    let id = move |name: &str| format!("{prefix}-{name}");
    view! {
        <div class="cc-loader">
            <label class="button">
                {tr("paged.load_files")}
                <input type="file" multiple accept=".csv,.tsv,.txt" data-testid=id("files")
                    on:change=move |ev| { let files = chosen_files(&ev); if !files.is_empty() { paged.load(Some(files)); } } />
            </label>
            <button type="button" on:click=move |_| paged.load(None)>{tr("paged.load_demo")}</button>
            <details>
                <summary class="muted">{move || format!("{} ({tables})", state.t(hint))}</summary>
                <div>{templates::<P>(prefix)}</div>
            </details>
            <Show when=move || paged.is_demo.get()>
                <span class="demo-badge" data-testid=id("demo-badge")>{tr("app.demo_badge")}</span>
            </Show>
            <label>
                {tr("paged.as_of")}
                <input type="date" data-testid=id("as-of") prop:value=as_of
                    on:change=move |ev| paged.as_of.set(event_target_value(&ev).parse().ok()) />
            </label>
            <span class="muted" data-testid=id("as-of-shown")>
                {move || paged.pages(|p| p.as_of_text().to_string())}
            </span>
            <span class="muted" data-testid=id("totals")>{totals}</span>
            // Always in the row, shown or hidden: a line appearing above the
            // page's buttons would move them under a click.
            <span class="muted" role="status" style:visibility=move || if paged.busy.get() { "visible" } else { "hidden" }>
                {tr("app.loading")}
            </span>
        </div>
        <OtherContract headers=Signal::derive(move || paged.loaded.with(|l| l.as_ref().and_then(|l| l.other_headers.clone()))) />
        <Show when=move || paged.failure.with(Option::is_some)>
            <p class="errors" role="alert">{move || paged.failure.get()}</p>
        </Show>
        <Show when=move || shown.with(|s| s.1 > 0)>
            <div class="errors" role="alert" data-testid=id("blocked")>{tr("paged.blocked")}</div>
            <ProblemList shown export />
        </Show>
    }
}
