//! The monthly review meeting's slides (定例報告会, seed 003 8(4)): the running
//! month and its warning, every month begun, the year to date, and quality
//! with the language weeks. The same keys, toolbar and print pack as the
//! pension contract's projector.

use super::pages::progress::{Current, Months, Year};
use super::pages::quality::{LanguageGaps, RatesTable};
use super::CallCentreState;
use crate::app::components::projector_frame::{listen_for_keys, request_fullscreen, Toolbar};
use crate::app::state::{tr, AppState};
use crate::core::calendar::format_date;
use leptos::prelude::*;

/// Slides in the deck.
const SLIDES: usize = 4;

pub fn enter() {
    let state = expect_context::<AppState>();
    state.slide.set(Some(0));
    if let Some(root) = gloo::utils::document().document_element() {
        request_fullscreen(&root);
    }
}

#[component]
pub fn Projector() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cc = expect_context::<CallCentreState>();
    listen_for_keys(state, || SLIDES);
    move || {
        let o = cc.overview.get()?;
        let current = state.slide.get().unwrap_or(0).min(SLIDES - 1);
        let bodies: [AnyView; SLIDES] = [
            view! { <h2 class="slide-title">{tr("cc.progress.title")}</h2><Current o=o.clone() /> }
                .into_any(),
            view! { <Months o=o.clone() /> }.into_any(),
            view! { <Year o=o.clone() /> }.into_any(),
            view! { <h2 class="slide-title">{tr("cc.quality.title")}</h2><RatesTable /><LanguageGaps /> }
                .into_any(),
        ];
        let as_of = o.as_of;
        let slides = bodies
            .into_iter()
            .enumerate()
            .map(|(index, body)| {
                view! {
                    <section class="slide cc-slide" class:current=index == current aria-hidden=(index != current).to_string()
                        data-testid=if index == current { "current-slide" } else { "slide" }>
                        <div class="slide-body">{body}</div>
                        <footer class="slide-footer">
                            <span>{tr("profile.municipal_call_centre")} " · " {move || format_date(as_of, state.date_style.get())}</span>
                            <span>{format!("{} / {SLIDES}", index + 1)}</span>
                        </footer>
                    </section>
                }
            })
            .collect_view();
        Some(view! {
            <div class="projector" role="dialog" aria-modal="true" aria-label=tr("projector.label") data-testid="projector">
                <Toolbar total=SLIDES />
                {slides}
            </div>
        })
    }
}
