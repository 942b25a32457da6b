//! What the runs say: the summary per district and in total, the
//! distribution of the total as a histogram and a cumulative curve, and the
//! offices that drive the spread.

use crate::app::components::chart_frame::{ChartFrame, Painter};
use crate::app::pension::bids::{BidStatus, Bids};
use crate::app::pension::charts::distribution::{self, Labels};
use crate::app::state::{tr, AppState};
use crate::core::money::format_yen;
use crate::profiles::pension::bidding::form::Field;
use crate::profiles::pension::bidding::summary::Summary;
use crate::profiles::pension::bidding::BidResult;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    let bids = expect_context::<Bids>();
    move || {
        match bids.status.get() {
        BidStatus::Idle | BidStatus::Running { .. } => ().into_any(),
        BidStatus::Unread(errors) => view! {
            <div class="errors" role="alert" data-testid="bid-errors">
                {errors.into_iter().map(|e| view! { <p>{format!("{}: {}", state.t(field_key(e.field)), e.value)}</p> }).collect_view()}
            </div>
        }.into_any(),
        BidStatus::Failed(errors) => view! {
            <div class="errors" role="alert" data-testid="bid-errors">
                {errors.into_iter().map(|e| view! { <p>{move || e.text(state.lang.get()).to_string()}</p> }).collect_view()}
            </div>
        }.into_any(),
        BidStatus::Crashed(reason) => view! {
            <p class="error" role="alert" data-testid="bid-errors">{format!("{} {reason}", state.t("bid.crashed"))}</p>
        }.into_any(),
        BidStatus::Done { result, millis } => view! { <Done result millis /> }.into_any(),
    }
    }
}

fn field_key(field: Field) -> &'static str {
    match field {
        Field::Offices => "bid.offices",
        Field::Districts => "bid.districts",
        Field::DueMonths(_) => "bid.due_months",
        Field::Target(_) => "bid.target",
        Field::SyntheticFee => "bid.synthetic_fee",
        Field::Fee(_) => "bid.col.fee",
        Field::Mean(_) => "bid.mean",
        Field::Spread(_) => "bid.sd",
        Field::Correlation => "bid.correlation",
        Field::Transfer => "bid.transfer",
        Field::Incidents => "bid.incidents",
        Field::Runs => "bid.runs",
        Field::Seed => "bid.seed",
    }
}

#[component]
fn Done(result: BidResult, millis: f64) -> impl IntoView {
    let state = expect_context::<AppState>();
    let periods: Vec<String> = result.periods.iter().map(u8::to_string).collect();
    let heading = move || {
        state
            .t("bid.heading")
            .replace("%{runs}", &result.runs.to_string())
            .replace("%{seed}", &result.seed.to_string())
            .replace("%{periods}", &periods.join("・"))
    };
    let total = result.total.clone();
    let rows: Vec<Summary> = result.districts.iter().cloned().chain([result.total.clone()]).collect();
    view! {
        <section class="bid-results" data-testid="bid-results">
            <h2>{heading}</h2>
            <p class="muted" data-testid="bid-elapsed">{move || format!("{} {:.0} ms", state.t("bid.elapsed"), millis)}</p>
            <p class="muted">{tr("bid.method")}</p>
            <table class="bid-summary">
                <thead><tr>
                    {["district", "fee", "mean", "p5", "p50", "p95", "prob_below", "decrease", "increase"]
                        .map(|c| view! { <th>{tr_col(c)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows.into_iter().map(summary_row).collect_view()}</tbody>
            </table>
            <Charts total />
            <h3>{tr("bid.drivers")}</h3>
            <table class="bid-drivers" data-testid="bid-drivers">
                <thead><tr><th>{tr("table.col.code")}</th><th>{tr("table.col.office")}</th><th>{tr("bid.col.district")}</th><th>{tr("bid.col.share")}</th></tr></thead>
                <tbody>{result.drivers.into_iter().map(|d| view! {
                    <tr><td>{d.office_code}</td><td>{d.office_name}</td><td>{d.district}</td><td class="num">{format!("{}%", d.share_percent)}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </section>
    }
}

fn tr_col(column: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let state = expect_context::<AppState>();
    move || state.t(&format!("bid.col.{column}"))
}

fn summary_row(s: Summary) -> impl IntoView {
    let scope = s.district.clone().unwrap_or_else(|| "total".into());
    let name = s.district.clone();
    let yen =
        |id: &str, v| view! { <td class="num" data-testid=format!("bid-{id}-{scope}")>{format_yen(v)}</td> };
    view! {
        <tr class:total=s.district.is_none()>
            <td>{move || name.clone().unwrap_or_else(tr("bid.total"))}</td>
            {yen("fee", s.fee_yen)}{yen("mean", s.mean)}{yen("p5", s.p5)}{yen("p50", s.p50)}{yen("p95", s.p95)}
            <td class="num">{format!("{:.1}%", s.prob_below_fee * Decimal::ONE_HUNDRED)}</td>
            {yen("decrease", s.expected_decrease_yen)}{yen("increase", s.expected_increase_yen)}
        </tr>
    }
}

/// The total's histogram and cumulative curve.
#[component]
fn Charts(total: Summary) -> impl IntoView {
    let state = expect_context::<AppState>();
    let total = Arc::new(total);
    let painter = |cumulative: bool| {
        let total = total.clone();
        Signal::derive(move || {
            let labels = Labels {
                title: state.t(if cumulative { "bid.chart.cumulative" } else { "bid.chart.histogram" }),
                fee: state.t("bid.col.fee"),
            };
            let total = total.clone();
            Arc::new(move |canvas: web_sys::HtmlCanvasElement| {
                if cumulative {
                    distribution::cumulative(canvas, &total, &labels);
                } else {
                    distribution::histogram(canvas, &total, &labels);
                }
            }) as Painter
        })
    };
    view! {
        <div class="chart-pair">
            <ChartFrame label=Signal::derive(move || state.t("bid.chart.histogram")) file_name="bid-histogram.png".to_string()
                aspect=500 test_id="bid-histogram" paint=painter(false) />
            <ChartFrame label=Signal::derive(move || state.t("bid.chart.cumulative")) file_name="bid-cumulative.png".to_string()
                aspect=500 test_id="bid-cumulative" paint=painter(true) />
        </div>
    }
}
