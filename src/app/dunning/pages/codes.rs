//! 結果コード: the rates per debt of each block, with their denominators, and
//! the codes by block, bureau and month.

use super::super::DunningState;
use crate::app::components::blocks::draw;
use crate::app::state::tr;
use leptos::prelude::*;

#[component]
pub fn Codes() -> impl IntoView {
    let dn = expect_context::<DunningState>();
    let blocks = move || dn.pages(|p| draw(p.codes.clone()));
    view! {
        <section class="page dn-codes">
            <h1>{tr("dn.codes.title")}</h1>
            {super::files()}
            {blocks}
        </section>
    }
}
