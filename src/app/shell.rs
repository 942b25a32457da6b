//! The frame around every page: product name, navigation, language and date
//! toggles, the demo badge, and the privacy line.

use super::route::Page;
use super::state::AppState;
use crate::app::state::tr;
use crate::core::calendar::DateStyle;
use crate::core::i18n::Lang;
use crate::profiles::Contract;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    view! {
        <header class="app-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"収"</span>
                <span class="brand-name">"Shūnō 収納"</span>
                <span class="brand-tag">{t("app.tagline")}</span>
            </div>
            <Show when=move || state.is_demo.get()>
                <span class="demo-badge" role="status" data-testid="demo-badge">{t("app.demo_badge")}</span>
            </Show>
            <div class="toggles">
                <div class="toggle" role="group" aria-label=t("app.language")>
                    {Lang::ALL
                        .iter()
                        .copied()
                        .map(|lang| {
                            view! {
                                <button
                                    type="button"
                                    aria-pressed=move || (state.lang.get() == lang).to_string()
                                    on:click=move |_| state.lang.set(lang)
                                >
                                    {match lang {
                                        Lang::Ja => "日本語",
                                        Lang::En => "English",
                                    }}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <div class="toggle" role="group" aria-label=t("app.date_style")>
                    {[DateStyle::Wareki, DateStyle::Seireki]
                        .into_iter()
                        .map(|style| {
                            view! {
                                <button
                                    type="button"
                                    aria-pressed=move || (state.date_style.get() == style).to_string()
                                    on:click=move |_| state.date_style.set(style)
                                >
                                    {move || match style {
                                        DateStyle::Wareki => state.t("app.wareki"),
                                        DateStyle::Seireki => state.t("app.seireki"),
                                    }}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        </header>
        <nav class="app-nav" aria-label=t("app.navigation")>
            <ContractChoice />
            {move || Page::ALL
                .iter()
                .copied()
                .filter(|page| page.contract() == state.contract.get())
                .map(|page| {
                    view! {
                        <button
                            type="button"
                            class="nav-item"
                            aria-current=move || (state.page.get() == page).then_some("page")
                            on:click=move |_| state.page.set(page)
                        >
                            {move || state.t(page.key())}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// The contract shown, chosen here and remembered (a setting, not data).
#[component]
fn ContractChoice() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="toggle contract-choice" role="group" aria-label=tr("app.contract")>
            {Contract::ALL
                .iter()
                .copied()
                .map(|c| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("contract-{}", c.letter())
                            aria-pressed=move || (state.contract.get() == c).to_string()
                            title=move || state.t(c.name_key())
                            on:click=move |_| state.choose_contract(c)
                        >
                            {tr(c.short_key())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! { <footer class="app-footer">{tr("app.privacy")}</footer> }
}
