//! 品質: answer, promise and kept rates by count and by yen, monthly and for
//! the year to date, each with its numerator and denominator (the product's
//! definitions); how kept promises are dated (the user's choice, shown with
//! the rates); the weeks without an operator for a language (seed 003 7(4)).

use super::super::CallCentreState;
use crate::app::components::blocks::draw;
use crate::app::components::paged_loader::loader;
use crate::app::state::tr;
use crate::profiles::call_centre::quality::KeptBasis;
use crate::profiles::call_centre::CallCentre;
use leptos::prelude::*;

#[component]
pub fn Quality() -> impl IntoView {
    let cc = expect_context::<CallCentreState>();
    let choice = move |basis: KeptBasis, key: &'static str| {
        view! {
            <label>
                <input type="radio" name="kept-basis" prop:checked=move || cc.options.with(|o| o.kept_basis == basis)
                    on:change=move |_| cc.options.update(|o| o.kept_basis = basis) />
                {tr(key)}
            </label>
        }
    };
    let blocks = move || cc.pages(|p| draw(p.quality.clone()));
    view! {
        <section class="page cc-quality">
            <h1>{tr("cc.quality.title")}</h1>
            {loader::<CallCentre>("cc", "cc.tables_hint")}
            <fieldset class="cc-settings" data-testid="cc-kept-basis">
                <legend>{tr("cc.kept_basis")}</legend>
                {choice(KeptBasis::PromiseMonth, "cc.kept_basis.promise_month")}
                {choice(KeptBasis::KeptMonth, "cc.kept_basis.kept_month")}
            </fieldset>
            {blocks}
        </section>
    }
}
