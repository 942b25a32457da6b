//! The overview's choices: period, as-of month, scope, order, band reading and
//! rounding.

use crate::app::components::enum_select::EnumSelect;
use crate::app::state::{tr, AppState};
use crate::core::calendar::{format_month, YearMonth};
use crate::core::i18n::period_label;
use crate::core::money::Rounding;
use crate::profiles::pension::calendar as national_pension;
use crate::profiles::pension::rules::settlement::AdjustmentBase;
use crate::profiles::pension::rules::BandMode;
use crate::profiles::pension::views::overview::{districts, prefectures, Scope, SortKey};
use leptos::prelude::*;

#[component]
pub fn Controls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = state.options;
    view! {
        <div class="controls">
            <PeriodSelect />
            <AsOfSelect />
            <ScopeSelect />
            <EnumSelect label="overview.sort" text_prefix="sort" value=state.sort on_change=move |k: SortKey| state.sort.set(k) />
            <EnumSelect
                label="overview.band_mode"
                text_prefix="band"
                value=Signal::derive(move || options.get().band_mode)
                on_change=move |m: BandMode| options.update(|o| o.band_mode = m)
            />
            <EnumSelect
                label="overview.rounding"
                text_prefix="rounding"
                value=Signal::derive(move || options.get().rounding)
                on_change=move |r: Rounding| options.update(|o| o.rounding = r)
            />
            <EnumSelect
                label="overview.adjustment_base"
                text_prefix="adjustment_base"
                value=Signal::derive(move || options.get().adjustment_base)
                on_change=move |b: AdjustmentBase| options.update(|o| o.adjustment_base = b)
            />
        </div>
    }
}

#[component]
pub fn PeriodSelect() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choose = move |ev| {
        let n = event_target_value(&ev).parse().ok();
        state.options.update(|o| {
            o.period = n;
            o.as_of = None;
        });
    };
    view! {
        <label>
            {tr("overview.period")}
            <select on:change=choose>
                <option value="" selected=move || state.options.get().period.is_none()>
                    {tr("overview.latest")}
                </option>
                {national_pension::periods()
                    .map(|p| {
                        view! {
                            <option value=p.number.to_string() selected=move || state.options.get().period == Some(p.number)>
                                {move || period_label(p.number, state.lang.get())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The months of the chosen period that have progress data, ascending.
fn months_with_data(state: AppState) -> Vec<YearMonth> {
    let period = state.options.get().period;
    state.report.with(|r| {
        let mut months: Vec<YearMonth> = r
            .dataset
            .progress
            .iter()
            .map(|p| p.month)
            .filter(|m| period.is_none_or(|n| national_pension::period_of(*m).is_some_and(|p| p.number == n)))
            .collect();
        months.sort();
        months.dedup();
        months
    })
}

#[component]
pub fn AsOfSelect() -> impl IntoView {
    let state = expect_context::<AppState>();
    let months = Memo::new(move |_| months_with_data(state));
    view! {
        <label>
            {tr("overview.as_of")}
            <select on:change=move |ev| {
                let m = event_target_value(&ev).parse().ok();
                state.options.update(|o| o.as_of = m);
            }>
                <option value="" selected=move || state.options.get().as_of.is_none()>
                    {tr("overview.latest")}
                </option>
                <For each=move || months.get() key=|m| *m let(m)>
                    <option value=m.to_string() selected=move || state.options.get().as_of == Some(m)>
                        {move || format_month(m, state.date_style.get())}
                    </option>
                </For>
            </select>
        </label>
    }
}

#[component]
fn ScopeSelect() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choices = move || {
        let s = state.settled();
        let districts = s.as_ref().map(districts).unwrap_or_default();
        let prefectures = s.as_ref().map(prefectures).unwrap_or_default();
        districts
            .into_iter()
            .map(|d| (Scope::District(d.clone()), d))
            .chain(prefectures.into_iter().map(|p| (Scope::Prefecture(p.clone()), p)))
            .collect::<Vec<_>>()
    };
    view! {
        <label>
            {tr("overview.scope")}
            <select on:change=move |ev| state.scope.set(Scope::from_code(&event_target_value(&ev)))>
                <option value="" selected=move || state.scope.get() == Scope::All>{tr("overview.all")}</option>
                <For each=choices key=|(scope, _)| scope.code() let((scope, name))>
                    <option value=scope.code() selected=move || state.scope.get() == scope>{name}</option>
                </For>
            </select>
        </label>
    }
}
