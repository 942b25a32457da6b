//! 進捗: each block's debts worked against the caps, visits against the
//! reference, recovery cases against the lower bounds, and its bureaus.

use super::super::DunningState;
use crate::app::components::blocks::draw;
use crate::app::components::paged_projector::enter;
use crate::app::state::tr;
use leptos::prelude::*;

#[component]
pub fn Progress() -> impl IntoView {
    let dn = expect_context::<DunningState>();
    let blocks = move || dn.pages(|p| draw(p.progress.clone()));
    view! {
        <section class="page dn-progress">
            <h1>{tr("dn.progress.title")}</h1>
            {super::files()}
            <button type="button" class="primary" data-testid="dn-enter-projector" on:click=move |_| enter()>{tr("projector.enter")}</button>
            {blocks}
        </section>
    }
}
