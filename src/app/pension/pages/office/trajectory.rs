//! A kind's rate month by month against its target, as a chart and a table.

use super::month_labels;
use crate::app::components::chart_frame::{ChartFrame, Painter};
use crate::app::pension::charts::trajectory;
use crate::app::state::{tr, AppState};
use crate::core::calendar::{format_month, Period};
use crate::profiles::pension::views::presentation::percent_or_dash;
use crate::profiles::pension::views::trajectory::Trajectory;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TrajectoryChart(trajectory: Trajectory, period: Period) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kind = trajectory.kind;
    let points = trajectory.points.clone();
    let shared = Arc::new(trajectory);
    let paint = Signal::derive(move || {
        let labels = trajectory::Labels {
            title: state.t(&format!("kind.{}", kind.code())),
            rate: state.t("table.col.rate"),
            target: state.t("table.col.target"),
            to_come: state.t("office.to_come"),
            months: month_labels(period),
        };
        let tr = shared.clone();
        Arc::new(move |c: web_sys::HtmlCanvasElement| {
            trajectory::draw(c, &tr, &labels);
        }) as Painter
    });
    let label = Signal::derive(move || {
        format!("{} — {}", state.t("office.trajectory"), state.t(&format!("kind.{}", kind.code())))
    });
    view! {
        <div class="chart-cell">
            <ChartFrame label=label file_name=format!("trajectory-{}.png", kind.code()) aspect=560 test_id="trajectory-canvas" paint=paint />
            <table class="compact">
                <caption>{tr("office.trajectory_table")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("overview.as_of")}</th>
                        <th scope="col" class="num">{tr("table.col.rate")}</th>
                    </tr>
                </thead>
                <tbody>
                    {points.into_iter().map(|p| {
                        let m = p.month;
                        let value = if p.to_come { "…".to_string() } else { percent_or_dash(p.rate) };
                        view! { <tr><th scope="row">{move || format_month(m, state.date_style.get())}</th><td class="num">{value}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
