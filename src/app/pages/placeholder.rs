//! Pages that later work adds (the record-level engine).

use crate::app::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Placeholder() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="page">
            <h1>{move || state.t(state.page.get().key())}</h1>
            <p class="muted">{move || state.t("app.coming_soon")}</p>
        </section>
    }
}
