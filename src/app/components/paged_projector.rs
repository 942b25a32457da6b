//! The meeting's slides of a contract whose pages its worker writes out (the
//! call centre's monthly review meeting, seed 003 8(4); a slide per dunning
//! block): the same keys, toolbar and print pack as the pension contract's
//! projector.

use crate::app::components::blocks::draw;
use crate::app::components::projector_frame::{listen_for_keys, request_fullscreen, Toolbar};
use crate::app::paged::PagedState;
use crate::app::state::{tr, AppState};
use crate::core::pages::{PagedProfile, ShownPages};
use leptos::prelude::*;

/// Opens the slides on the first, full screen.
pub fn enter() {
    let state = expect_context::<AppState>();
    state.slide.set(Some(0));
    if let Some(root) = gloo::utils::document().document_element() {
        request_fullscreen(&root);
    }
}

/// The slides of contract `P`.
pub fn projector<P: PagedProfile>() -> impl IntoView {
    let state = expect_context::<AppState>();
    let paged = expect_context::<PagedState<P>>();
    let count = move || paged.pages(|p| p.slides().len()).unwrap_or(1).max(1);
    listen_for_keys(state, count);
    move || {
        let (as_of, deck) = paged.pages(|p| (p.as_of_text().to_string(), p.slides().to_vec()))?;
        let total = deck.len().max(1);
        let current = state.slide.get().unwrap_or(0).min(total - 1);
        let footer = format!("{} · {as_of}", state.t(paged.contract.name_key()));
        let slides = deck.into_iter().enumerate().map(|(index, blocks)| {
            view! {
                <section class="slide cc-slide" class:current=index == current aria-hidden=(index != current).to_string()
                    data-testid=if index == current { "current-slide" } else { "slide" }>
                    <div class="slide-body">{draw(blocks)}</div>
                    <footer class="slide-footer">
                        <span>{footer.clone()}</span>
                        <span data-testid="slide-counter">{format!("{} / {total}", index + 1)}</span>
                    </footer>
                </section>
            }
        });
        Some(view! {
            <div class="projector" role="dialog" aria-modal="true" aria-label=tr("projector.label") data-testid="projector">
                <Toolbar total />
                {slides.collect_view()}
            </div>
        })
    }
}
