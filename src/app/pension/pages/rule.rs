//! The adjustment rule made visible: the curve for the mode in force, the other
//! mode dotted, every office × kind placed on it, and the numbers in a table.

use crate::app::components::chart_frame::{ChartFrame, Painter};
use crate::app::pension::charts::adjustment_curve::{coordinate, draw, Labels, Marker};
use crate::app::state::{tr, AppState};
use crate::core::calendar::format_month;
use crate::core::i18n::period_label;
use crate::core::money::{frac, from_decimal, int, to_decimal};
use crate::profiles::pension::rules::achievement::band_edges_permille;
use crate::profiles::pension::rules::{adjustment_percent, BandMode};
use leptos::prelude::*;
use std::sync::Arc;

/// The table beside the chart: the curve at the rule's band edges, just either
/// side of 100 % (99.95 %, 100.05 %: a step's rounding shows), and 10 % beyond
/// the outer edges, in hundredths of a percent of ratio (9995 = 99.95 %).
fn sample_points() -> Vec<i64> {
    let edges = band_edges_permille();
    let (low, high) = (edges[0] * 10 - 1000, edges[edges.len() - 1] * 10 + 1000);
    let mut points: Vec<i64> = edges.iter().map(|e| e * 10).chain([low, high, 9995, 10005]).collect();
    points.sort_unstable();
    points
}

#[component]
pub fn Rule() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let as_of = move || {
        state.settled().map(|s| {
            format!(
                "▲ {} · {} {} · {}: {}",
                period_label(s.period, state.lang.get()),
                state.t("overview.as_of"),
                format_month(s.as_of, state.date_style.get()),
                state.t("overview.band_mode"),
                state.t(&format!("band.{}", s.rules.band_mode.code())),
            )
        })
    };
    view! {
        <section class="page rule">
            <h1>{t("nav.rule")}</h1>
            <p>{t("rule.explain")}</p>
            <p class="rules-in-force" data-testid="rule-as-of">{as_of}</p>
            <div class="chart-row">
                <CurveChart />
                <CurveTable />
            </div>
        </section>
    }
}

/// Every office × kind of the settlement on screen, placed on the curve.
fn markers(state: AppState) -> Vec<Marker> {
    let Some(s) = state.settled() else { return Vec::new() };
    s.offices
        .iter()
        .flat_map(|o| o.kinds.iter())
        .filter_map(|k| {
            let ratio = from_decimal(k.ratio?);
            Some(Marker {
                ratio_percent: coordinate(&(ratio * int(100))),
                adjustment_percent: coordinate(&from_decimal(k.adjustment_percent)),
            })
        })
        .collect()
}

/// The curve for the reading in force, the other reading dashed.
#[component]
fn CurveChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let paint = Signal::derive(move || {
        let mode = state.options.get().band_mode;
        let other = match mode {
            BandMode::Tiered => BandMode::Flat,
            BandMode::Flat => BandMode::Tiered,
        };
        let labels = Labels {
            x: state.t("rule.x"),
            y: state.t("rule.y"),
            in_force: format!("{} ({})", state.t(&format!("band.{}", mode.code())), state.t("rule.in_force")),
            other: state.t(&format!("band.{}", other.code())),
        };
        let markers = markers(state);
        Arc::new(move |c: web_sys::HtmlCanvasElement| {
            draw(c, mode, &markers, &labels);
        }) as Painter
    });
    let label = Signal::derive(tr("rule.chart_label"));
    view! { <ChartFrame label file_name="shuno-adjustment-curve.png" aspect=562 test_id="curve-canvas" paint /> }
}

/// The curve's values at the sample points, both readings.
#[component]
fn CurveTable() -> impl IntoView {
    let t = tr;
    let percent = |x: &crate::core::money::Exact| format!("{}%", to_decimal(x, 2).normalize());
    let rows = sample_points()
        .into_iter()
        .map(|point| {
            let ratio = frac(point, 10_000);
            let cell = |m: BandMode| adjustment_percent(&ratio, m).map(|p| percent(&p)).unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{percent(&(ratio * int(100)))}</th>
                    <td class="num">{cell(BandMode::Tiered)}</td>
                    <td class="num">{cell(BandMode::Flat)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="curve-table">
            <caption>{t("rule.table_caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("rule.ratio")}</th>
                    <th scope="col" class="num">{t("band.tiered")}</th>
                    <th scope="col" class="num">{t("band.flat")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
