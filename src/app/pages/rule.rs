//! The adjustment rule made visible: the curve for the mode in force, the other
//! mode dotted, every office × kind placed on it, and the numbers in a table.

use crate::app::charts::adjustment_curve::{coordinate, draw, Labels, Marker};
use crate::app::download::save_canvas_png;
use crate::app::state::AppState;
use crate::core::money::{frac, from_decimal, int, to_decimal};
use crate::profiles::pension::rules::achievement::band_edges_permille;
use crate::profiles::pension::rules::{adjustment_percent, BandMode};
use leptos::html::Canvas;
use leptos::prelude::*;

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
    let t = move |key: &'static str| move || state.t(key);
    let canvas = NodeRef::<Canvas>::new();

    Effect::new(move |_| {
        let Some(canvas) = canvas.get() else { return };
        let mode = state.options.get().band_mode;
        let markers: Vec<Marker> = match state.settlement.get() {
            Some(Ok(s)) => s
                .offices
                .iter()
                .flat_map(|o| o.kinds.iter())
                .filter_map(|k| {
                    let ratio = from_decimal(k.ratio?);
                    Some(Marker {
                        ratio_percent: coordinate(&(ratio * int(100))),
                        adjustment_percent: coordinate(&from_decimal(k.adjustment_percent)),
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
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
        draw(canvas, mode, &markers, &labels);
    });

    let rows = move || {
        sample_points()
            .iter()
            .map(|edge| {
                let ratio = frac(*edge, 10_000);
                let cell = |m: BandMode| {
                    adjustment_percent(&ratio, m)
                        .map(|p| format!("{}%", to_decimal(&p, 2).normalize()))
                        .unwrap_or_default()
                };
                view! {
                    <tr>
                        <th scope="row">{format!("{}%", to_decimal(&(ratio * int(100)), 2).normalize())}</th>
                        <td class="num">{cell(BandMode::Tiered)}</td>
                        <td class="num">{cell(BandMode::Flat)}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <section class="page rule">
            <h1>{t("nav.rule")}</h1>
            <p>{t("rule.explain")}</p>
            <p class="rules-in-force" data-testid="rule-as-of">
                {move || match state.settled() {
                    Some(s) => format!(
                        "▲ {} · {} {} · {}: {}",
                        crate::core::i18n::period_label(s.period, state.lang.get()),
                        state.t("overview.as_of"),
                        crate::core::calendar::format_month(s.as_of, state.date_style.get()),
                        state.t("overview.band_mode"),
                        state.t(&format!("band.{}", s.rules.band_mode.code())),
                    ),
                    None => String::new(),
                }}
            </p>
            <div class="chart-row">
                <figure class="chart">
                    <canvas node_ref=canvas width="960" height="540" role="img" aria-label=t("rule.chart_label") data-testid="curve-canvas"></canvas>
                    <figcaption>
                        <button type="button" on:click=move |_| {
                            if let Some(c) = canvas.get_untracked() {
                                save_canvas_png(&c, "shuno-adjustment-curve.png");
                            }
                        }>{t("app.save_png")}</button>
                    </figcaption>
                </figure>
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
            </div>
        </section>
    }
}
