//! The bid's assumptions: where the offices come from, the fees, the
//! performance lines, the draws and the readings.

use crate::app::components::enum_select::EnumSelect;
use crate::app::pension::bids::Bids;
use crate::app::state::{tr, tr_key, AppState};
use crate::core::money::{format_yen, Rounding};
use crate::profiles::pension::bidding::form::{BidForm, OfficeSource, PerformanceLine};
use crate::profiles::pension::bidding::input::TransferDraw;
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::rules::BandMode;
use leptos::prelude::*;

/// A text field bound to one string of the form.
fn field(
    label: &'static str,
    test_id: String,
    get: impl Fn(&BidForm) -> String + Send + Sync + 'static,
    set: impl Fn(&mut BidForm, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let bids = expect_context::<Bids>();
    view! {
        <label>{tr(label)}
            <input type="text" inputmode="decimal" data-testid=test_id prop:value=move || bids.form.with(&get)
                on:change=move |ev| { let v = event_target_value(&ev); bids.form.update(|f| set(f, v)) } />
        </label>
    }
}

#[component]
pub fn Inputs() -> impl IntoView {
    let bids = expect_context::<Bids>();
    let synthetic = move || bids.form.with(|f| f.source == OfficeSource::Synthetic);
    let source = move |s: OfficeSource| bids.form.update(|f| f.source = s);
    view! {
        <fieldset class="bid-source">
            <legend>{tr("bid.source")}</legend>
            <label><input type="radio" name="bid-source" data-testid="bid-source-loaded"
                prop:checked=move || !synthetic() on:change=move |_| source(OfficeSource::Loaded) />{tr("bid.source.loaded")}</label>
            <label><input type="radio" name="bid-source" data-testid="bid-source-synthetic"
                prop:checked=synthetic on:change=move |_| source(OfficeSource::Synthetic) />{tr("bid.source.synthetic")}</label>
            <Show when=synthetic fallback=Fees>
                <Synthetic />
            </Show>
            <Periods />
        </fieldset>
        <Performance />
        <Draws />
    }
}

#[component]
fn Synthetic() -> impl IntoView {
    let kinds = Kind::ALL.map(|k| {
        let i = k.index();
        view! {
            {field("bid.due_months", format!("bid-due-{}", k.code()), move |f| f.due_months[i].clone(), move |f, v| f.due_months[i] = v)}
            {field("bid.target", format!("bid-target-{}", k.code()), move |f| f.target_percent[i].clone(), move |f, v| f.target_percent[i] = v)}
        }
    });
    view! {
        <div class="controls">
            {field("bid.offices", "bid-offices".into(), |f| f.offices.clone(), |f, v| f.offices = v)}
            {field("bid.districts", "bid-districts".into(), |f| f.districts.clone(), |f, v| f.districts = v)}
            {field("bid.synthetic_fee", "bid-synthetic-fee".into(), |f| f.synthetic_fee.clone(), |f, v| f.synthetic_fee = v)}
        </div>
        <p class="muted">{tr("bid.kinds_order")}</p>
        <div class="controls">{kinds.into_iter().collect_view()}</div>
    }
}

/// The fee bid per district, the data's shown beside it.
#[component]
fn Fees() -> impl IntoView {
    let state = expect_context::<AppState>();
    let bids = expect_context::<Bids>();
    let districts = move || match state.model.get() {
        Some(Ok(m)) => m.districts.iter().map(|d| (d.name.clone(), d.period_fee_yen)).collect(),
        _ => Vec::new(),
    };
    view! {
        <table class="bid-fees">
            <thead><tr><th>{tr("bid.col.district")}</th><th>{tr("bid.fee_in_data")}</th><th>{tr("bid.col.fee")}</th></tr></thead>
            <tbody>
                <For each=districts key=|(name, _)| name.clone() let:((name, fee))>
                    <tr>
                        <td>{name.clone()}</td>
                        <td class="num">{format_yen(fee)}</td>
                        <td><input type="text" inputmode="numeric" data-testid="bid-fee" placeholder=format_yen(fee)
                            prop:value={let n = name.clone(); move || bids.form.with(|f| f.fee_of(&n).to_string())}
                            on:change={let n = name.clone(); move |ev| { let v = event_target_value(&ev); bids.form.update(|f| f.set_fee(&n, v)) }} /></td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn Periods() -> impl IntoView {
    let bids = expect_context::<Bids>();
    let period = move |i: usize| {
        view! {
            <label><input type="checkbox" data-testid=format!("bid-period-{}", i + 1)
                prop:checked=move || bids.form.with(|f| f.periods[i])
                on:change=move |ev| { let on = event_target_checked(&ev); bids.form.update(|f| f.periods[i] = on) } />
                {format!("{}", i + 1)}</label>
        }
    };
    view! { <div class="controls"><span>{tr("bid.periods")}</span>{(0..3).map(period).collect_view()}</div> }
}

/// The performance lines: district (or all) × kind (or all), mean and spread.
#[component]
fn Performance() -> impl IntoView {
    let bids = expect_context::<Bids>();
    let lines = move || bids.form.with(|f| f.lines.clone());
    view! {
        <fieldset>
            <legend>{tr("bid.performance")}</legend>
            <p class="muted">{tr("bid.performance_lead")}</p>
            <table class="bid-lines">
                <thead><tr>
                    <th>{tr("bid.col.district")}</th><th>{tr("table.col.kind")}</th><th>{tr("bid.mean")}</th>
                    <th>{tr("bid.sd")}</th><th>{tr("bid.like_last")}</th><th></th>
                </tr></thead>
                <tbody><For each=lines key=|l| l.id let:line><LineRow line /></For></tbody>
            </table>
            <button type="button" data-testid="bid-add-line" on:click=move |_| bids.form.update(BidForm::add_line)>{tr("bid.add_line")}</button>
            {move || { let n = bids.form.with(|f| f.kept.len()); (n > 0).then(|| view! { <p class="muted">{move || format!("{} {n}", tr("bid.kept")())}</p> }) }}
        </fieldset>
    }
}

#[component]
fn LineRow(line: PerformanceLine) -> impl IntoView {
    let state = expect_context::<AppState>();
    let bids = expect_context::<Bids>();
    let id = line.id;
    let edit = move |f: Box<dyn FnOnce(&mut PerformanceLine)>| {
        bids.form.update(|form| {
            if let Some(l) = form.lines.iter_mut().find(|l| l.id == id) {
                f(l)
            }
        })
    };
    let districts = move || match state.model.get() {
        Some(Ok(m)) => m.districts.iter().map(|d| d.name.clone()).collect(),
        _ => Vec::<String>::new(),
    };
    let chosen = line.district.clone();
    view! {
        <tr data-testid="bid-line">
            <td><select on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |l| l.district = (!v.is_empty()).then_some(v))) }>
                <option value="" selected=chosen.is_none()>{tr("bid.all_districts")}</option>
                {districts().into_iter().map(|d| view! { <option value=d.clone() selected=chosen.as_ref() == Some(&d)>{d.clone()}</option> }).collect_view()}
            </select></td>
            <td><select on:change=move |ev| { let k = Kind::parse(&event_target_value(&ev)); edit(Box::new(move |l| l.kind = k)) }>
                <option value="" selected=line.kind.is_none()>{tr("whatif.all_kinds")}</option>
                {Kind::ALL.map(|k| view! { <option value=k.code() selected=line.kind == Some(k)>{tr_key(format!("kind.{}", k.code()))}</option> }).collect_view()}
            </select></td>
            <td><input type="text" inputmode="decimal" data-testid="bid-mean" prop:value=line.mean_percent.clone()
                on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |l| l.mean_percent = v)) } /></td>
            <td><input type="text" inputmode="decimal" data-testid="bid-sd" prop:value=line.sd_percent.clone()
                on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |l| l.sd_percent = v)) } /></td>
            <td><input type="checkbox" prop:checked=line.like_last_period
                on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |l| l.like_last_period = on)) } /></td>
            <td><button type="button" on:click=move |_| bids.form.update(|f| f.lines.retain(|l| l.id != id))>{tr("whatif.remove_line")}</button></td>
        </tr>
    }
}

/// Correlation, transfers, incidents, the readings, runs and seed.
#[component]
fn Draws() -> impl IntoView {
    let bids = expect_context::<Bids>();
    view! {
        <fieldset class="controls">
            <legend>{tr("bid.draws")}</legend>
            {field("bid.correlation", "bid-correlation".into(), |f| f.correlation_percent.clone(), |f, v| f.correlation_percent = v)}
            {field("bid.transfer", "bid-transfer".into(), |f| f.transfer_percent.clone(), |f, v| f.transfer_percent = v)}
            <EnumSelect label="bid.transfer_draw" text_prefix="bid.draw" value=Signal::derive(move || bids.form.with(|f| f.transfer_draw))
                on_change=move |v: TransferDraw| bids.form.update(|f| f.transfer_draw = v) />
            {field("bid.incidents", "bid-incidents".into(), |f| f.incident_points_mean.clone(), |f, v| f.incident_points_mean = v)}
            <EnumSelect label="overview.band_mode" text_prefix="band" value=Signal::derive(move || bids.form.with(|f| f.band_mode))
                on_change=move |v: BandMode| bids.form.update(|f| f.band_mode = v) />
            <EnumSelect label="overview.rounding" text_prefix="rounding" value=Signal::derive(move || bids.form.with(|f| f.rounding))
                on_change=move |v: Rounding| bids.form.update(|f| f.rounding = v) />
            {field("bid.runs", "bid-runs".into(), |f| f.runs.clone(), |f, v| f.runs = v)}
            {field("bid.seed", "bid-seed".into(), |f| f.seed.clone(), |f, v| f.seed = v)}
        </fieldset>
    }
}
