//! The price build-up for a block: the seed's volumes (editable) × the unit
//! costs entered, 事業費, 管理諸経費, 小計, 消費税, the contract amount, and
//! the bid to write with the award price it gives.

use crate::app::state::{tr, AppState};
use crate::core::money::format_yen;
use crate::profiles::dunning::blocks::Block;
use crate::profiles::dunning::tender::buildup::{build_up, BuildUp as BuildUpResult, BuildUpError};
use crate::profiles::dunning::tender::form::{rows, BuildUpForm, Cost};
use leptos::prelude::*;

/// The build-up, or why it cannot be made (the fields that do not read).
type Built = Result<Result<BuildUpResult, BuildUpError>, Vec<String>>;

#[component]
pub fn BuildUp() -> impl IntoView {
    let state = expect_context::<AppState>();
    let form = RwSignal::new(BuildUpForm::for_block(Block::Tokyo));
    // Built once per edit; the rows' amounts and the totals read it.
    let built = Memo::new(move |_| form.with(|f| f.read().map(|input| build_up(&input))));
    let text = move |get: fn(&BuildUpForm) -> &String| move || form.with(|f| get(f).clone());
    let amounts = move || match built.get() {
        Ok(Ok(b)) => b.lines.iter().map(|l| Some(l.amount_yen)).collect(),
        _ => vec![None; rows().len() + 1],
    };
    let row = move |(i, r): (usize, crate::profiles::dunning::tender::form::Row)| {
        let kind = r.kind.map_or(String::new(), |k| k.japanese().to_string());
        view! {
            <tr>
                <td>{kind}</td>
                <td>{move || state.t(&format!("tender.row.{}", r.code))}</td>
                <td><input type="text" inputmode="numeric" data-testid=format!("volume-{i}") prop:value=move || form.with(|f| f.volumes[i].clone())
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.volumes[i] = v) } /></td>
                <td>{move || state.t(&format!("tender.cost.{}", r.cost.code()))}</td>
                <td class="num">{move || amounts().get(i).copied().flatten().map(format_yen).unwrap_or_default()}</td>
            </tr>
        }
    };
    let costs = Cost::ALL.iter().enumerate().map(move |(i, c)| view! {
        <label>{move || state.t(&format!("tender.cost.{}", c.code()))}
            <input type="text" inputmode="numeric" data-testid=format!("cost-{}", c.code()) prop:value=move || form.with(|f| f.costs[i].clone())
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.costs[i] = v) } />
        </label>
    });
    view! {
        <section class="buildup" data-testid="buildup">
            <h2>{tr("tender.buildup")}</h2>
            <div class="controls">
                <label>{tr("tender.block")}
                    <select data-testid="buildup-block" on:change=move |ev| {
                        if let Ok(b) = event_target_value(&ev).parse::<Block>() { form.update(|f| *f = BuildUpForm { costs: f.costs.clone(), ..BuildUpForm::for_block(b) }) }
                    }>
                        {Block::ALL.iter().map(|b| view! { <option value=b.code() selected=*b == Block::Tokyo>{b.japanese()}</option> }).collect_view()}
                    </select>
                </label>
                <label>{tr("tender.other_project")}<input type="text" data-testid="buildup-other-project" prop:value=text(|f| &f.other_project)
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.other_project = v) } /></label>
                <label>{tr("tender.admin_percent")}<input type="text" data-testid="buildup-admin-percent" prop:value=text(|f| &f.admin_percent)
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.admin_percent = v) } /></label>
                <label>{tr("tender.tax_rate")}<input type="text" data-testid="buildup-tax-rate" prop:value=text(|f| &f.tax_rate_percent)
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.tax_rate_percent = v) } /></label>
            </div>
            <div class="controls">{costs.collect_view()}</div>
            <table class="buildup-lines">
                <thead><tr><th></th><th>{tr("tender.col.work")}</th><th>{tr("tender.col.volume")}</th><th>{tr("tender.col.cost")}</th><th>{tr("tender.col.amount")}</th></tr></thead>
                <tbody>{rows().into_iter().enumerate().map(row).collect_view()}</tbody>
            </table>
            <Totals built />
        </section>
    }
}

#[component]
fn Totals(built: Memo<Built>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        match built.get() {
        Ok(Ok(b)) => {
            let lines = [
                ("project", b.project_yen),
                ("admin", b.admin_yen),
                ("subtotal", b.subtotal_yen),
                ("tax", b.tax_yen),
                ("contract_amount", b.contract_amount_yen),
                ("bid_form_amount", b.bid.bid_form_amount),
                ("award_price", b.bid.award_price),
            ];
            view! {
                <dl class="buildup-totals" data-testid="buildup-totals">
                    {lines.map(|(k, y)| view! { <dt>{move || state.t(&format!("tender.total.{k}"))}</dt><dd data-testid=format!("buildup-{k}")>{format_yen(y)}</dd> }).collect_view()}
                </dl>
            }.into_any()
        }
        Ok(Err(e)) => view! { <p class="error" role="alert">{format!("{} ({e:?})", state.t("tender.unread"))}</p> }.into_any(),
        Err(bad) => view! { <p class="error" role="alert">{format!("{}: {}", state.t("tender.unread"), bad.join(", "))}</p> }.into_any(),
    }
    }
}
