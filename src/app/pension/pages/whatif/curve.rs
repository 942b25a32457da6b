//! One office × kind on the adjustment curve, dragged along it: the ratio
//! under the pointer becomes that office's ratio line in the shown scenario
//! (a new scenario when none is open), and the marker follows the scenario's
//! settlement.

use crate::app::components::chart_frame::{ChartFrame, Painter};
use crate::app::pension::charts::adjustment_curve::{coordinate, draw, ratio_at, Labels, Marker};
use crate::app::pension::scenarios::Scenarios;
use crate::app::state::{tr, tr_key, AppState};
use crate::core::money::{from_decimal, int};
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::rules::scenario::Scenario;
use crate::profiles::pension::rules::{BandMode, Settlement};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::sync::Arc;

/// The chosen office × kind's marker in `s`.
fn marker(s: &Settlement, code: &str, kind: Kind) -> Option<Marker> {
    let k = s.offices.iter().find(|o| o.office_code == code)?.kinds.get(kind.index())?;
    Some(Marker {
        ratio_percent: coordinate(&(from_decimal(k.ratio?) * int(100))),
        adjustment_percent: coordinate(&from_decimal(k.adjustment_percent)),
    })
}

#[component]
pub fn CurveDrag() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = expect_context::<Scenarios>();
    let codes: Vec<(String, String)> = state
        .settled()
        .map(|s| s.offices.iter().map(|o| (o.office_code.clone(), o.office_name.clone())).collect())
        .unwrap_or_default();
    let office = RwSignal::new(codes.first().map(|(c, _)| c.clone()).unwrap_or_default());
    let kind = RwSignal::new(Kind::Current);
    let dragging = RwSignal::new(false);
    // The scenario shown if it settles, else the baseline.
    let settled = move || {
        let i = scenarios.shown.get();
        scenarios.settled.get(i).and_then(|m| m.get()).and_then(Result::ok).or_else(|| state.settled())
    };
    let paint = Signal::derive(move || {
        let mode = state.options.with(|o| o.band_mode);
        let other = match mode {
            BandMode::Tiered => BandMode::Flat,
            BandMode::Flat => BandMode::Tiered,
        };
        let markers: Vec<Marker> =
            settled().and_then(|s| marker(&s, &office.get(), kind.get())).into_iter().collect();
        let labels = Labels {
            x: state.t("rule.x"),
            y: state.t("rule.y"),
            in_force: format!("{} ({})", state.t(&format!("band.{}", mode.code())), state.t("rule.in_force")),
            other: state.t(&format!("band.{}", other.code())),
        };
        Arc::new(move |c: web_sys::HtmlCanvasElement| {
            draw(c, mode, &markers, &labels);
        }) as Painter
    });
    let drag = move |ev: leptos::ev::MouseEvent| {
        let Some(canvas) =
            ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        else {
            return;
        };
        let Some(ratio) = ratio_at(f64::from(ev.offset_x()), f64::from(canvas.client_width())) else {
            return;
        };
        let Ok(ratio) = Decimal::try_from(ratio).map(|r| r.round_dp(1)) else { return };
        if scenarios.drafts.with_untracked(|d| d.drafts.is_empty()) {
            scenarios.open(Scenario::default());
        }
        let draft = scenarios.shown.get_untracked();
        scenarios.drafts.update(|d| d.set_ratio(draft, &office.get_untracked(), kind.get_untracked(), ratio));
    };
    view! {
        <section class="whatif-curve" data-testid="whatif-curve">
            <h2>{tr("whatif.curve")}</h2>
            <p class="muted">{tr("whatif.curve_lead")}</p>
            <div class="controls">
                <label>{tr("table.col.office")}
                    <select data-testid="curve-office" on:change=move |ev| office.set(event_target_value(&ev))>
                        {codes.into_iter().map(|(c, n)| view! { <option value=c.clone()>{format!("{c} {n}")}</option> }).collect_view()}
                    </select>
                </label>
                <label>{tr("plan.col.kind")}
                    <select data-testid="curve-kind" on:change=move |ev| kind.set(Kind::parse(&event_target_value(&ev)).unwrap_or(Kind::Current))>
                        {Kind::ALL.map(|k| view! { <option value=k.code()>{tr_key(format!("kind.{}", k.code()))}</option> })}
                    </select>
                </label>
            </div>
            <div class="curve-drag"
                on:mousedown=move |ev| { dragging.set(true); drag(ev) }
                on:mousemove=move |ev| if dragging.get_untracked() { drag(ev) }
                on:mouseup=move |_| dragging.set(false)
                on:mouseleave=move |_| dragging.set(false)>
                <ChartFrame label=Signal::derive(tr("whatif.curve")) file_name="whatif-curve.png" aspect=450 test_id="whatif-curve-canvas" paint />
            </div>
        </section>
    }
}
