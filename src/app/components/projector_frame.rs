//! The projector's frame, for every contract's slides: full screen, the keys a
//! presentation clicker sends, and the toolbar (previous, next, print, leave).
//! The slides themselves are each profile's.

use crate::app::state::{tr, AppState};
use leptos::prelude::*;

/// Asks for full screen. The browser may refuse (Firefox headless, a kiosk
/// policy, an iframe): the slides then show in the window, and the refusal —
/// a rejected promise, which web-sys's binding does not return — is handled
/// here instead of surfacing as an error.
pub fn request_fullscreen(root: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let request = js_sys::Reflect::get(root, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) =
        request.and_then(|f| f.call0(root).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

pub fn leave(state: AppState) {
    state.slide.set(None);
    if gloo::utils::document().fullscreen_element().is_some() {
        gloo::utils::document().exit_fullscreen();
    }
}

/// ←/→, PageUp/PageDown and space (what presentation clickers send), Home/End,
/// Esc, while presenting.
pub fn listen_for_keys(state: AppState, count: impl Fn() -> usize + 'static) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(current) = state.slide.get_untracked() else { return };
        let last = count().saturating_sub(1);
        let next = match ev.key().as_str() {
            "ArrowRight" | "PageDown" | " " => Some((current + 1).min(last)),
            "ArrowLeft" | "PageUp" => Some(current.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(last),
            "Escape" => {
                leave(state);
                None
            }
            _ => return,
        };
        ev.prevent_default();
        if next.is_some() {
            state.slide.set(next);
        }
    });
    on_cleanup(move || keys.remove());
}

#[component]
pub fn Toolbar(total: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="projector-toolbar">
            <button type="button" on:click=move |_| state.slide.update(|s| *s = s.map(|n| n.saturating_sub(1)))>{move || format!("← {}", state.t("projector.previous"))}</button>
            <button type="button" on:click=move |_| state.slide.update(|s| *s = s.map(|n| (n + 1).min(total - 1)))>{move || format!("{} →", state.t("projector.next"))}</button>
            <button type="button" on:click=move |_| { let _ = gloo::utils::window().print(); }>{tr("projector.print")}</button>
            <button type="button" data-testid="leave-projector" on:click=move |_| leave(state)>{move || format!("{} (Esc)", state.t("projector.leave"))}</button>
        </div>
    }
}
