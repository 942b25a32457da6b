//! The hosted build keeps working offline: the service worker (`sw.js`,
//! written by `scripts/service_worker.py`) caches the build's own files. This
//! module registers it and, when a new build is waiting, lets the page offer a
//! reload. Nothing is registered for the single file or from disk.

use crate::app::state::tr;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A newer build is installed and waits for the user's reload.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

fn served() -> bool {
    let protocol = gloo::utils::window().location().protocol().unwrap_or_default();
    matches!(protocol.as_str(), "http:" | "https:")
}

/// Registers the service worker, and watches for a newer build.
pub fn register() -> UpdateReady {
    let ready = UpdateReady(RwSignal::new(false));
    if !served() {
        return ready;
    }
    let container = gloo::utils::window().navigator().service_worker();
    let registered = container.register("./sw.js");
    spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registered).await else { return };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        if registration.waiting().is_some() && has_controller() {
            ready.0.set(true);
        }
        let watched = registration.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    ready.0.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
    });
    ready
}

fn has_controller() -> bool {
    gloo::utils::window().navigator().service_worker().controller().is_some()
}

/// Lets the waiting build take over, and reloads once it has.
fn reload_into_new_build() {
    let container = gloo::utils::window().navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::new(|| {
        let _ = gloo::utils::window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(
            container.ready().unwrap_or_else(|_| js_sys::Promise::resolve(&JsValue::NULL)),
        )
        .await
        else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&"skip-waiting".into());
            }
            None => {
                let _ = gloo::utils::window().location().reload();
            }
        }
    });
}

/// "A new version is ready — reload", while one is.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = expect_context::<UpdateReady>();
    view! {
        <Show when=move || ready.0.get()>
            <div class="update-banner" role="status" data-testid="update-ready">
                <span>{tr("app.update_ready")}</span>
                <button type="button" class="primary" on:click=move |_| reload_into_new_build()>{tr("app.reload")}</button>
            </div>
        </Show>
    }
}
