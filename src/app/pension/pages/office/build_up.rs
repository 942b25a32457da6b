//! The office's fee build-up: base, adjustments, total, as a waterfall and a
//! table.

use crate::app::components::chart_frame::{ChartFrame, Painter};
use crate::app::pension::charts::waterfall;
use crate::app::state::{tr, AppState};
use crate::core::money::format_yen;
use crate::profiles::pension::rules::settlement::OfficeSettlement;
use crate::profiles::pension::views::waterfall::waterfall as build_up;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn BuildUp(office: OfficeSettlement) -> impl IntoView {
    let state = expect_context::<AppState>();
    let steps = build_up(&office);
    let steps_for_table = steps.clone();
    let paint = Signal::derive(move || {
        let names: Vec<String> = steps.iter().map(|s| state.t(s.key)).collect();
        let title = state.t("office.build_up");
        let steps = steps.clone();
        Arc::new(move |c: web_sys::HtmlCanvasElement| {
            waterfall::draw(c, &steps, &names, &title);
        }) as Painter
    });
    view! {
        <h3>{tr("office.build_up")}</h3>
        <div class="chart-cell wide">
            <ChartFrame label=Signal::derive(tr("office.build_up")) file_name="build-up.png" aspect=420 test_id="waterfall-canvas" paint=paint />
            <table class="compact" data-testid="build-up-table">
                <tbody>
                    {steps_for_table.into_iter().map(|s| view! {
                        <tr><th scope="row">{move || state.t(s.key)}</th><td class="num">{format_yen(s.amount)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
