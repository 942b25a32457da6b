//! 期限の点検: the switches the seed leaves open, each labelled, then every
//! finding counted per block and listed per debt (CSV and Excel as `shuno
//! duties` writes it).

use super::super::DunningState;
use crate::app::components::blocks::draw;
use crate::app::components::enum_select::EnumSelect;
use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::state::tr;
use crate::core::export::{Sheet, Workbook};
use crate::profiles::dunning::duties::Switches;
use leptos::prelude::*;

/// A labelled checkbox for one switch.
fn flag(key: &'static str, get: fn(&Switches) -> bool, set: fn(&mut Switches, bool)) -> impl IntoView {
    let dn = expect_context::<DunningState>();
    view! {
        <label>
            <input type="checkbox" data-testid=key.replace('.', "-") prop:checked=move || dn.options.with(|o| get(&o.switches))
                on:change=move |ev| dn.options.update(|o| set(&mut o.switches, event_target_checked(&ev))) />
            {tr(key)}
        </label>
    }
}

#[component]
fn SwitchControls() -> impl IntoView {
    let dn = expect_context::<DunningState>();
    let day = move |ev| {
        if let Ok(day) = event_target_value(&ev).parse() {
            dn.options.update(|o| o.switches.first_call_day = day)
        }
    };
    let months = Signal::derive(move || dn.options.with(|o| o.switches.months_reading));
    let set_months = move |reading| dn.options.update(|o| o.switches.months_reading = reading);
    let slow = move |ev| {
        let days = event_target_value(&ev).trim().parse().ok().filter(|d: &u32| *d > 0);
        dn.options.update(|o| o.slow_start_days = days)
    };
    view! {
        <fieldset class="cc-settings dn-switches">
            <legend>{tr("dn.switches")}</legend>
            <label>{tr("dn.switch.first_call_day")}
                <select data-testid="dn-first-call-day" on:change=day>
                    <option value="8" selected=move || dn.options.with(|o| o.switches.first_call_day == 8)>"8"</option>
                    <option value="7" selected=move || dn.options.with(|o| o.switches.first_call_day == 7)>"7"</option>
                </select>
            </label>
            {flag("dn.switch.bureau_stop_ends_calls", |s| s.bureau_stop_ends_calls, |s, v| s.bureau_stop_ends_calls = v)}
            {flag("dn.switch.reaching_ends_calls", |s| s.reaching_ends_calls, |s, v| s.reaching_ends_calls = v)}
            {flag("dn.switch.message_left_reaches", |s| s.message_left_reaches, |s, v| s.message_left_reaches = v)}
            {flag("dn.switch.holidays_as_weekend", |s| s.holidays_as_weekend, |s, v| s.holidays_as_weekend = v)}
            <EnumSelect label="dn.switch.months" text_prefix="dn.switch.months" value=months on_change=set_months />
            <label>{tr("dn.slow_start.days")}
                <input type="number" min="1" data-testid="dn-slow-start-days" on:change=slow
                    prop:value=move || dn.options.with(|o| o.slow_start_days.map(|d| d.to_string()).unwrap_or_default()) />
            </label>
        </fieldset>
    }
}

#[component]
pub fn Duties() -> impl IntoView {
    let dn = expect_context::<DunningState>();
    // The sheet is written in the page's language by the worker.
    let export = move |_lang| {
        let sheet = dn.pages(|p| p.duty_sheet.clone());
        let sheet = sheet.unwrap_or(Sheet { name: String::new(), headers: vec![], rows: vec![] });
        Export { stem: "duties".into(), book: Workbook { sheets: vec![sheet] } }
    };
    let blocks = move || dn.pages(|p| draw(p.duties.clone()));
    view! {
        <section class="page dn-duties">
            <h1>{tr("dn.duties.title")}</h1>
            {super::files()}
            <SwitchControls />
            <ExportButtons export test_id="dn-duties" />
            {blocks}
        </section>
    }
}
