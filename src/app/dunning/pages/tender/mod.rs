//! 労災入札 (#15, seed 004): the bid to write and the price build-up for a
//! block, and every clause that carries money, each calculator beside the
//! seed's sentence. Nothing is computed here: the core reads the fields.

mod buildup;
mod calculator;

pub use calculator::Card;

use crate::app::state::tr;
use crate::profiles::dunning::tender::calculator::Calculator;
use leptos::prelude::*;

#[component]
pub fn Tender() -> impl IntoView {
    view! {
        <section class="page tender" data-testid="tender">
            <h1>{tr("nav.tender")}</h1>
            <p class="muted">{tr("tender.lead")}</p>
            <buildup::BuildUp />
            <h2>{tr("tender.clauses")}</h2>
            <div class="calculators">
                {Calculator::ALL.iter().map(|c| view! { <calculator::Card calculator=*c /> }).collect_view()}
            </div>
        </section>
    }
}
