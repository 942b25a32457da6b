//! Where files come in: the file and folder pickers and a drop zone (files or
//! whole folders), and "clear all data".

use crate::app::import_client::Source;
use crate::app::state::{tr, AppState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Hands the chosen files to the state; the worker reads them.
fn read_files(state: AppState, list: web_sys::FileList) {
    let files =
        (0..list.length()).filter_map(|i| list.get(i)).map(|f| Source { name: f.name(), blob: f.into() });
    state.load_user_files(files.collect());
}

fn on_drop(state: AppState, ev: leptos::ev::DragEvent) {
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
}

#[component]
pub fn DropZone() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
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
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                on_drop(state, ev);
            }
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
    }
}
