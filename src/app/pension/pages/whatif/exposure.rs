//! Penalty exposure: for the offices chosen, the way from the fee at 100 % to
//! the fee of the baseline or a scenario, as a waterfall and a table, with the
//! offices and districts that meet the 指示 trigger.

use crate::app::components::chart_frame::{ChartFrame, Painter};
use crate::app::pension::charts::waterfall;
use crate::app::pension::scenarios::Scenarios;
use crate::app::state::{tr, AppState};
use crate::core::money::format_yen;
use crate::profiles::pension::views::exposure::{exposure, selections, Exposure, Selection};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ExposureView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = expect_context::<Scenarios>();
    let chosen = RwSignal::new(0usize);
    // 0: the baseline; i + 1: scenario i.
    let column = RwSignal::new(0usize);
    let choices = state.settled().map(|s| selections(&s)).unwrap_or_default();
    let stored = StoredValue::new(choices.clone());
    let shown = Memo::new(move |_| {
        let selection = stored.with_value(|c| c.get(chosen.get()).cloned())?;
        let settled = match column.get() {
            0 => state.settled(),
            i => scenarios.settled.get(i - 1)?.get().and_then(Result::ok),
        }?;
        Some(exposure(&settled, &selection))
    });
    let label = move |s: &Selection| match s {
        Selection::All => state.t("whatif.all_offices"),
        Selection::District(d) | Selection::Prefecture(d) | Selection::Office(d) => d.clone(),
    };
    let columns = move || {
        let count = scenarios.drafts.with(|d| d.drafts.len());
        (0..=count)
            .map(|i| {
                let text = if i == 0 {
                    state.t("whatif.baseline")
                } else {
                    format!("{} {i}", state.t("whatif.scenario"))
                };
                view! { <option value=i.to_string() selected=move || column.get() == i>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="whatif-exposure" data-testid="whatif-exposure">
            <h2>{tr("exposure.title")}</h2>
            <div class="controls">
                <label>{tr("whatif.col.offices")}
                    <select data-testid="exposure-selection" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {choices.iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{label(s)}</option> }).collect_view()}
                    </select>
                </label>
                <label>{tr("exposure.of")}
                    <select data-testid="exposure-column" on:change=move |ev| column.set(event_target_value(&ev).parse().unwrap_or(0))>{columns}</select>
                </label>
            </div>
            {move || shown.get().map(|e| view! { <ExposureFigure exposure=e /> })}
        </section>
    }
}

#[component]
pub fn ExposureFigure(exposure: Exposure) -> impl IntoView {
    let state = expect_context::<AppState>();
    let steps = exposure.waterfall();
    let for_table = steps.clone();
    let paint = Signal::derive(move || {
        let names: Vec<String> = steps.iter().map(|s| state.t(s.key)).collect();
        let (title, steps) = (state.t("exposure.title"), steps.clone());
        Arc::new(move |c: web_sys::HtmlCanvasElement| {
            waterfall::draw(c, &steps, &names, &title);
        }) as Painter
    });
    let flagged = exposure
        .instruction_offices
        .iter()
        .chain(&exposure.instruction_districts)
        .cloned()
        .collect::<Vec<_>>();
    view! {
        <div class="chart-cell wide">
            <ChartFrame label=Signal::derive(tr("exposure.title")) file_name="exposure.png" aspect=420 test_id="exposure-canvas" paint=paint />
            <table class="compact" data-testid="exposure-table">
                <tbody>
                    {for_table.into_iter().map(|s| view! {
                        <tr class:total=s.is_total><th scope="row">{move || state.t(s.key)}</th><td class="num">{format_yen(s.amount)}</td></tr>
                    }).collect_view()}
                    <tr><th scope="row">{tr("exposure.at_stake")}</th><td class="num" data-testid="at-stake">{format_yen(exposure.at_stake_yen())}</td></tr>
                </tbody>
            </table>
        </div>
        <p class:instruction=!flagged.is_empty() data-testid="exposure-instruction">
            {tr("exposure.instruction")} ": "
            {if flagged.is_empty() { state.t("exposure.none") } else { flagged.join("、") }}
        </p>
    }
}
