//! The monthly review meeting's slides (定例報告会, seed 003 8(4)): the running
//! month and its warning, every month begun, the year to date, and quality
//! with the language weeks. The same keys, toolbar and print pack as the
//! pension contract's projector.

use super::draw::draw;
use super::CallCentreState;
use crate::app::components::projector_frame::{listen_for_keys, request_fullscreen, Toolbar};
use crate::app::state::{tr, AppState};
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
        let (as_of, deck) = cc.pages(|p| (p.as_of_text.clone(), p.slides.clone()))?;
        let current = state.slide.get().unwrap_or(0).min(SLIDES - 1);
        let footer = format!("{} · {as_of}", state.t("profile.municipal_call_centre"));
        let slides = deck.into_iter().enumerate().map(|(index, blocks)| {
            view! {
                <section class="slide cc-slide" class:current=index == current aria-hidden=(index != current).to_string()
                    data-testid=if index == current { "current-slide" } else { "slide" }>
                    <div class="slide-body">{draw(blocks)}</div>
                    <footer class="slide-footer">
                        <span>{footer.clone()}</span>
                        <span data-testid="slide-counter">{format!("{} / {SLIDES}", index + 1)}</span>
                    </footer>
                </section>
            }
        });
        Some(view! {
            <div class="projector" role="dialog" aria-modal="true" aria-label=tr("projector.label") data-testid="projector">
                <Toolbar total=SLIDES />
                {slides.collect_view()}
            </div>
        })
    }
}
