//! A folder of another contract's tables: each contract is an app of its own,
//! so the page says whose tables they are and opens that contract's app,
//! where the files are chosen again (files are never carried between pages
//! or stored).

use crate::app::state::{tr, AppState};
use crate::core::i18n::msg;
use crate::profiles::other_contract_of;
use leptos::prelude::*;

/// Shown when every header of the files read is another single contract's.
#[component]
pub fn OtherContract(headers: Signal<Option<Vec<Vec<String>>>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let other = headers
            .with(|h| h.as_ref().and_then(|h| other_contract_of(h, state.contract.get_untracked())))?;
        let name = state.t(other.name_key());
        let text = msg("app.other_contract").arg("contract", &name).render(state.lang.get());
        Some(view! {
            <div class="notice" role="status" data-testid="other-contract">
                <p>{text}</p>
                <button type="button" class="primary" data-testid="open-other-contract" on:click=move |_| state.choose_contract(other)>
                    {tr("app.open_other_contract")}{format!(" {name}")}
                </button>
            </div>
        })
    }
}
