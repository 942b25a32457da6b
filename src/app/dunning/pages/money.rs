//! 委託費の精算: the fee settled by 第13条3 (min(actual spend, cap) on the
//! total) with the settlement report's lines, and the way to the tender's
//! clause calculators.

use super::tender::Card;
use crate::app::route::{Page, Route};
use crate::app::state::tr;
use crate::profiles::dunning::tender::calculator::Calculator;
use leptos::prelude::*;

#[component]
pub fn Money() -> impl IntoView {
    view! {
        <section class="page dn-money">
            <h1>{tr("dn.money.title")}</h1>
            <p class="muted">{tr("dn.money.lead")}</p>
            <Card calculator=Calculator::SettlementLines />
            <p>
                <a href=Route::Page(Page::Tender).to_hash() data-testid="dn-tender-link">{tr("dn.money.tender_link")}</a>
            </p>
        </section>
    }
}
