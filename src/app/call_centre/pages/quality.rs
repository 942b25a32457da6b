//! 品質: answer, promise and kept rates by count and by yen, monthly and for
//! the year to date, each with its numerator and denominator (the product's
//! definitions); how kept promises are dated; the weeks without an operator
//! for a language (seed 003 7(4)).

use super::super::CallCentreState;
use super::loader::Loader;
use super::percent;
use crate::app::state::{tr, tr_key, AppState};
use crate::core::calendar::{format_date, format_month};
use crate::core::money::format_count;
use crate::profiles::call_centre::quality::{KeptBasis, Rate, Rates};
use leptos::prelude::*;

#[component]
pub fn Quality() -> impl IntoView {
    view! {
        <section class="page cc-quality">
            <h1>{tr("cc.quality.title")}</h1>
            <Loader />
            <KeptBasisChoice />
            <p class="muted">{tr("cc.quality.definitions")}</p>
            <RatesTable />
            <LanguageGaps />
        </section>
    }
}

#[component]
fn KeptBasisChoice() -> impl IntoView {
    let cc = expect_context::<CallCentreState>();
    let choice = move |basis: KeptBasis, key: &'static str| {
        view! {
            <label>
                <input type="radio" name="kept-basis" prop:checked=move || cc.options.with(|o| o.kept_basis == basis)
                    on:change=move |_| cc.options.update(|o| o.kept_basis = basis) />
                {tr(key)}
            </label>
        }
    };
    view! {
        <fieldset class="cc-settings" data-testid="cc-kept-basis">
            <legend>{tr("cc.kept_basis")}</legend>
            {choice(KeptBasis::PromiseMonth, "cc.kept_basis.promise_month")}
            {choice(KeptBasis::KeptMonth, "cc.kept_basis.kept_month")}
        </fieldset>
    }
}

/// A rate with what it is made of: `40.1% (2,347 / 5,941)`.
fn rate_cell(rate: Rate) -> impl IntoView {
    view! {
        <td class="num">
            {percent(rate.value())}
            <span class="muted">{format!(" ({} / {})", format_count(rate.numerator), format_count(rate.denominator))}</span>
        </td>
    }
}

fn rate_cells(r: Rates) -> impl IntoView {
    (rate_cell(r.answer), rate_cell(r.promise), rate_cell(r.kept_count), rate_cell(r.kept_yen))
}

#[component]
pub(crate) fn RatesTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cc = expect_context::<CallCentreState>();
    let rows = move || {
        cc.overview.get().map(|o| {
            let months = o.monthly_rates.into_iter().map(|(m, r)| {
                view! { <tr><th scope="row">{move || format_month(m, state.date_style.get())}</th>{rate_cells(r)}</tr> }
            });
            let total = view! { <tr class="total"><th scope="row">{tr("cc.report.year_label")}</th>{rate_cells(o.year_rates)}</tr> };
            (months.collect_view(), total)
        })
    };
    let basis = move || {
        cc.options.with(|o| match o.kept_basis {
            KeptBasis::PromiseMonth => "cc.kept_basis.promise_month",
            KeptBasis::KeptMonth => "cc.kept_basis.kept_month",
        })
    };
    view! {
        <table class="cc-rates" data-testid="cc-rates">
            <thead><tr>
                <th scope="col">{tr("cc.col.month")}</th>
                <th scope="col" class="num">{tr("cc.rate.answer")}</th>
                <th scope="col" class="num">{tr("cc.rate.promise")}</th>
                <th scope="col" class="num">{tr("cc.rate.kept_count")} <span class="muted">{move || tr_key(basis().to_string())()}</span></th>
                <th scope="col" class="num">{tr("cc.rate.kept_yen")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub(crate) fn LanguageGaps() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cc = expect_context::<CallCentreState>();
    let gaps = move || cc.overview.with(|o| o.as_ref().map(|o| o.language_gaps.clone()).unwrap_or_default());
    view! {
        <h2>{tr("cc.language_gaps")}</h2>
        <p class="muted">{tr("cc.language_gaps.rule")}</p>
        <ul data-testid="cc-language-gaps">
            {move || gaps().into_iter().map(|g| {
                let week = move || format!("{} – {}", format_date(g.monday, state.date_style.get()), format_date(g.sunday, state.date_style.get()));
                let missing = g.missing.iter().map(|l| tr(l.key())()).collect::<Vec<_>>().join("・");
                view! { <li>{week} ": " {missing}</li> }
            }).collect_view()}
        </ul>
    }
}
