//! The settlement table: one row per office of the scope, in the chosen
//! order, with the totals of the selection.

use crate::app::state::{tr, tr_key, AppState};
use crate::core::money::format_yen;
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::rules::settlement::{KindSettlement, OfficeSettlement};
use crate::profiles::pension::rules::Settlement;
use crate::profiles::pension::views::overview::{select, totals};
use crate::profiles::pension::views::presentation::{percent_or_dash, stepped_or_dash, RatioBand};
use leptos::prelude::*;

#[component]
pub fn SettlementTable(settlement: Settlement) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let offices = Memo::new(move |_| {
        select(&settlement, &state.scope.get(), state.sort.get()).into_iter().cloned().collect::<Vec<_>>()
    });
    let selection_totals = Memo::new(move |_| offices.with(|o| totals(&o.iter().collect::<Vec<_>>())));
    let sum = move || selection_totals.get();
    view! {
        <Show when=move || sum().all_below_80>
            <p class="errors" role="alert" data-testid="instruction-trigger">{t("overview.instruction_trigger")}</p>
        </Show>
        <div class="table-wrap">
            <table class="settlement" data-testid="settlement-table">
                <caption>{t("overview.caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="office-col">{t("table.col.office")}</th>
                        {Kind::ALL
                            .into_iter()
                            .map(|k| view! { <th scope="col">{tr_key(format!("kind.{}", k.code()))}</th> })
                            .collect_view()}
                        <th scope="col" class="num">{t("table.col.base")}</th>
                        <th scope="col" class="num">{t("table.col.achievement")}</th>
                        <th scope="col" class="num">{t("table.col.transfer")}</th>
                        <th scope="col" class="num">{t("table.col.incident")}</th>
                        <th scope="col" class="num">{t("table.col.total")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || offices.get() key=|o| o.office_code.clone() let(o)>
                        <OfficeRow o />
                    </For>
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="4" class="office-col">
                            {move || format!("{} ({} {})", state.t("overview.totals"), sum().offices, state.t("overview.offices"))}
                        </th>
                        <td class="num">{move || format_yen(sum().base_yen)}</td>
                        <td class="num">{move || format_yen(sum().achievement_adjustment_yen)}</td>
                        <td class="num">{move || format_yen(sum().account_transfer_adjustment_yen)}</td>
                        <td class="num">{move || format_yen(sum().incident_deduction_yen)}</td>
                        <td class="num" data-testid="grand-total">{move || format_yen(sum().total_yen)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// A kind's ratio with a bar against the rule's edges, its rate and target, and
/// its adjustment.
fn kind_cell(k: KindSettlement) -> impl IntoView {
    // Bar position: ratio 60 %–140 % across the cell; the lines mark the rule's edges.
    let band = RatioBand::of(&k);
    let bar = k.ratio.zip(band).map(|(r, band)| {
        let percent = (r * rust_decimal::Decimal::ONE_HUNDRED).round_dp(1);
        let clamped = percent.clamp(rust_decimal::Decimal::new(60, 0), rust_decimal::Decimal::new(140, 0));
        let width = (clamped - rust_decimal::Decimal::new(60, 0)) * rust_decimal::Decimal::new(125, 2);
        let class = format!("bar {}", band.style());
        view! {
            <span class="ratio-track" aria-hidden="true">
                <span class=class style=format!("width:{width}%")></span>
            </span>
        }
    });
    view! {
        <td class="kind-cell">
            <span class="ratio" data-testid=format!("ratio-{}", k.kind.code())>{stepped_or_dash(&k)}</span>
            {bar}
            <span class="small detail">
                {tr("table.col.rate")} " " {percent_or_dash(k.rate)} " / " {tr("table.col.target")} " "
                {percent_or_dash(k.target)}
            </span>
            <span class="small adj">{format_yen(k.achievement_adjustment_yen)}</span>
        </td>
    }
}

#[component]
fn OfficeRow(o: OfficeSettlement) -> impl IntoView {
    let state = expect_context::<AppState>();
    let flags = o.flags.clone();
    view! {
        <tr data-office=o.office_code.clone()>
            <td class="office-col">
                <button type="button" class="link office-name" on:click={
                    let code = o.office_code.clone();
                    move |_| state.show_office(code.clone())
                }>{o.office_name.clone()}</button>
                <span class="small">{format!("{} · {}", o.office_code, o.prefecture)}</span>
                <span class="flags">
                    {move || {
                        flags
                            .iter()
                            .map(|f| view! { <span class=format!("flag flag-{}", f.name())>{f.label(state.lang.get())}</span> })
                            .collect_view()
                    }}
                </span>
            </td>
            {o.kinds.into_iter().map(kind_cell).collect_view()}
            <td class="num">{format_yen(o.base_yen)}</td>
            <td class="num">{format_yen(o.achievement_adjustment_yen)}</td>
            <td class="num">{format_yen(o.account_transfer_adjustment_yen)}</td>
            <td class="num">{format_yen(o.incident_deduction_yen)}</td>
            <td class="num total" data-testid="office-total">{format_yen(o.total_yen)}</td>
        </tr>
    }
}
