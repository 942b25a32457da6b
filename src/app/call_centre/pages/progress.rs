//! 進捗: the running month against its target, the shortfall warning of seed
//! 003 10(3), every month begun, and the year to date (calls, SMS and its
//! ceiling, phone-number entries, property-check persons).

use super::super::CallCentreState;
use crate::app::components::blocks::draw;
use crate::app::components::paged_loader::loader;
use crate::app::state::tr;
use crate::profiles::call_centre::CallCentre;
use leptos::prelude::*;

#[component]
pub fn Progress() -> impl IntoView {
    let cc = expect_context::<CallCentreState>();
    let blocks = move || cc.pages(|p| draw(p.progress.clone()));
    view! {
        <section class="page cc-progress">
            <h1>{tr("cc.progress.title")}</h1>
            {loader::<CallCentre>("cc", "cc.tables_hint")}
            <Settings />
            <button type="button" class="primary" data-testid="cc-enter-projector" on:click=move |_| crate::app::components::paged_projector::enter()>{tr("projector.enter")}</button>
            {blocks}
        </section>
    }
}

/// The warning's settings and the year-end switch, each saying what it is.
#[component]
fn Settings() -> impl IntoView {
    let cc = expect_context::<CallCentreState>();
    let number = move |ev: &leptos::ev::Event| event_target_value(ev).parse::<u32>().ok().filter(|n| *n > 0);
    view! {
        <fieldset class="cc-settings">
            <legend>{tr("cc.settings")}</legend>
            <label>{tr("cc.lines")}
                <input type="number" min="1" data-testid="cc-lines" prop:value=move || cc.options.with(|o| o.capacity.lines)
                    on:change=move |ev| if let Some(n) = number(&ev) { cc.options.update(|o| o.capacity.lines = n) } />
            </label>
            <label>{tr("cc.rate")}
                <input type="number" min="1" data-testid="cc-rate" prop:value=move || cc.options.with(|o| o.capacity.calls_per_line_hour)
                    on:change=move |ev| if let Some(n) = number(&ev) { cc.options.update(|o| o.capacity.calls_per_line_hour = n) } />
            </label>
            <label>
                <input type="checkbox" data-testid="cc-year-end" prop:checked=move || cc.options.with(|o| o.year_end_closed)
                    on:change=move |ev| cc.options.update(|o| o.year_end_closed = event_target_checked(&ev)) />
                {tr("cc.year_end_closed")}
            </label>
        </fieldset>
    }
}
