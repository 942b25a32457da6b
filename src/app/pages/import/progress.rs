//! A running import's progress and its cancel button; a cancelled or failed
//! import says so.

use crate::app::state::{tr, AppState};
use leptos::prelude::*;

#[component]
pub fn ImportStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let progress = move || {
        state.import.progress.get().map(|p| {
            let percent = if p.size > 0.0 { (p.bytes / p.size * 100.0).min(100.0) } else { 0.0 };
            let text = format!(
                "{} ({}/{}) · {:.1} / {:.1} MB · {} {}",
                p.file,
                p.index + 1,
                p.files,
                p.bytes / 1e6,
                p.size / 1e6,
                p.rows,
                state.t("import.rows")
            );
            view! {
                <div class="import-progress" role="status" data-testid="import-progress">
                    <progress max="100" value=format!("{percent:.0}")></progress>
                    <span>{text}</span>
                    <button type="button" class="danger" data-testid="cancel-import" on:click=move |_| state.cancel_import()>
                        {t("import.cancel")}
                    </button>
                </div>
            }
        })
    };
    view! {
        {progress}
        <Show when=move || state.import.cancelled.get()>
            <p class="errors" role="alert" data-testid="import-cancelled">{t("import.cancelled")}</p>
        </Show>
        {move || state.import.failure.get().map(|f| view! {
            <p class="errors" role="alert" data-testid="import-failed">
                {format!("{}: {f}", state.t("import.worker_failed"))}<br />{state.t("import.worker_failed_hint")}
            </p>
        })}
    }
}
