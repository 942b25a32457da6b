//! One method's activity against plan with the cumulative shortfall, as a chart
//! and a table.

use super::month_labels;
use crate::app::components::chart_frame::{ChartFrame, Painter};
use crate::app::pension::charts::activity;
use crate::app::state::{tr, AppState};
use crate::core::calendar::{format_month, Period};
use crate::profiles::pension::rules::activity::MethodActivity;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ActivityChart(activity: MethodActivity, period: Period) -> impl IntoView {
    let state = expect_context::<AppState>();
    let method = activity.method.clone();
    let rows = activity.months.clone();
    let shared = Arc::new(activity);
    let paint = Signal::derive(move || {
        let labels = activity::Labels {
            title: shared.method.clone(),
            planned: state.t("office.planned"),
            done: state.t("office.done"),
            contacts: state.t("office.contacts"),
            shortfall: state.t("office.cumulative_shortfall"),
            months: month_labels(period),
        };
        let a = shared.clone();
        Arc::new(move |c: web_sys::HtmlCanvasElement| {
            activity::draw(c, &a, &labels);
        }) as Painter
    });
    let label = {
        let method = method.clone();
        Signal::derive(move || format!("{} — {}", state.t("office.activity"), method))
    };
    let th = move |key: &'static str| view! { <th scope="col" class="num">{move || state.t(key)}</th> };
    view! {
        <div class="chart-cell">
            <ChartFrame label=label file_name=format!("activity-{method}.png") aspect=500 test_id="activity-canvas" paint=paint />
            <table class="compact">
                <thead>
                    <tr>
                        <th scope="col">{tr("overview.as_of")}</th>
                        {th("office.planned")}
                        {th("office.done")}
                        {th("office.contacts")}
                        {th("office.cumulative_shortfall")}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().filter(|m| !m.to_come).map(|m| {
                        let month = m.month;
                        view! {
                            <tr class:below-plan={ m.done < m.planned }>
                                <th scope="row">{move || format_month(month, state.date_style.get())}</th>
                                <td class="num">{m.planned}</td>
                                <td class="num">{m.done}</td>
                                <td class="num">{m.contacts}</td>
                                <td class="num">{m.cumulative_shortfall}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
