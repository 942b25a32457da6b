//! Overview: the settlement of the chosen period, one row per office, from
//! [`crate::profiles::pension::rules::settle`]. The page only formats.

use crate::app::download::save_text;
use crate::app::state::AppState;
use crate::core::calendar::{format_month, YearMonth};
use crate::core::i18n::period_label;
use crate::core::money::format_yen;
use crate::core::money::Rounding;
use crate::profiles::pension::calendar as national_pension;
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::rules::settlement::{KindSettlement, OfficeSettlement};
use crate::profiles::pension::rules::BandMode;
use crate::profiles::pension::views::export::settlement_csv;
use crate::profiles::pension::views::overview::{districts, prefectures, select, totals, Scope, SortKey};
use crate::profiles::pension::views::presentation::{percent_or_dash, stepped_or_dash, RatioBand};
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |key: &'static str| move || state.t(key);
    let month = move |m: YearMonth| format_month(m, state.date_style.get());
    let months_with_data = Memo::new(move |_| {
        let period = state.options.get().period;
        state.report.with(|r| {
            let mut months: Vec<YearMonth> = r
                .dataset
                .progress
                .iter()
                .map(|p| p.month)
                .filter(|m| {
                    period.is_none_or(|n| national_pension::period_of(*m).is_some_and(|p| p.number == n))
                })
                .collect();
            months.sort();
            months.dedup();
            months
        })
    });

    let controls = view! {
        <div class="controls">
            <label>
                {t("overview.period")}
                <select on:change=move |ev| {
                    let n = event_target_value(&ev).parse().ok();
                    state.options.update(|o| {
                        o.period = n;
                        o.as_of = None;
                    });
                }>
                    <option value="" selected=move || state.options.get().period.is_none()>
                        {t("overview.latest")}
                    </option>
                    {national_pension::periods()
                        .map(|p| {
                            view! {
                                <option
                                    value=p.number.to_string()
                                    selected=move || state.options.get().period == Some(p.number)
                                >
                                    {move || period_label(p.number, state.lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {t("overview.as_of")}
                <select on:change=move |ev| {
                    let m = event_target_value(&ev).parse().ok();
                    state.options.update(|o| o.as_of = m);
                }>
                    <option value="" selected=move || state.options.get().as_of.is_none()>
                        {t("overview.latest")}
                    </option>
                    {move || {
                        months_with_data
                            .get()
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <option
                                        value=m.to_string()
                                        selected=move || state.options.get().as_of == Some(m)
                                    >
                                        {move || month(m)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label>
                {t("overview.scope")}
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let scope = match value.split_once(':') {
                        Some(("d", d)) => Scope::District(d.to_string()),
                        Some(("p", p)) => Scope::Prefecture(p.to_string()),
                        _ => Scope::All,
                    };
                    state.scope.set(scope);
                }>
                    <option value="" selected=move || state.scope.get() == Scope::All>{t("overview.all")}</option>
                    {move || {
                        let s = state.settled();
                        let districts = s.as_ref().map(districts).unwrap_or_default();
                        let prefectures = s.as_ref().map(prefectures).unwrap_or_default();
                        districts
                            .into_iter()
                            .map(|d| (format!("d:{d}"), Scope::District(d.clone()), d))
                            .chain(prefectures.into_iter().map(|p| (format!("p:{p}"), Scope::Prefecture(p.clone()), p)))
                            .map(|(value, scope, name)| {
                                view! { <option value=value selected=move || state.scope.get() == scope>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label>
                {t("overview.sort")}
                <select on:change=move |ev| {
                    if let Some(k) = SortKey::from_code(&event_target_value(&ev)) {
                        state.sort.set(k);
                    }
                }>
                    {SortKey::ALL
                        .iter()
                        .copied()
                        .map(|k| {
                            view! {
                                <option value=k.code() selected=move || state.sort.get() == k>
                                    {move || state.t(&format!("sort.{}", k.code()))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {t("overview.band_mode")}
                <select on:change=move |ev| {
                    if let Some(mode) = BandMode::from_code(&event_target_value(&ev)) {
                        state.options.update(|o| o.band_mode = mode);
                    }
                }>
                    {BandMode::ALL
                        .iter()
                        .copied()
                        .map(|m| {
                            view! {
                                <option value=m.code() selected=move || state.options.get().band_mode == m>
                                    {move || state.t(&format!("band.{}", m.code()))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {t("overview.rounding")}
                <select on:change=move |ev| {
                    if let Some(r) = Rounding::from_code(&event_target_value(&ev)) {
                        state.options.update(|o| o.rounding = r);
                    }
                }>
                    {Rounding::ALL
                        .iter()
                        .copied()
                        .map(|r| {
                            view! {
                                <option value=r.code() selected=move || state.options.get().rounding == r>
                                    {move || state.t(&format!("rounding.{}", r.code()))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    };

    let body = move || {
        match state.settlement.get() {
        None if state.loading.get().is_some() => view! { <p class="muted">{t("app.loading")}</p> }.into_any(),
        None => view! {
            <div class="empty">
                <p>{t("overview.no_data")}</p>
                <button type="button" on:click=move |_| state.page.set(crate::app::route::Page::Import)>
                    {t("nav.import")}
                </button>
            </div>
        }
        .into_any(),
        Some(Err(errors)) => view! {
            <div class="errors" role="alert">
                <h2>{t("overview.cannot_settle")}</h2>
                <ul>{errors.into_iter().map(|e| view! { <li>{move || e.message(state.lang.get())}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
        Some(Ok(s)) => {
            let csv_settlement = s.clone();
            let heading = format!(
                "{} · {} {}{}",
                period_label(s.period, state.lang.get()),
                state.t("overview.as_of"),
                month(s.as_of),
                if s.provisional { format!(" ({})", state.t("table.provisional")) } else { String::new() }
            );
            let rules = format!(
                "{}: {} · {}: {}",
                state.t("overview.band_mode"),
                state.t(&format!("band.{}", s.rules.band_mode.code())),
                state.t("overview.rounding"),
                state.t(&format!("rounding.{}", s.rules.rounding.code()))
            );
            let offices: Vec<OfficeSettlement> =
                select(&s, &state.scope.get(), state.sort.get()).into_iter().cloned().collect();
            let sum = totals(&offices.iter().collect::<Vec<_>>());
            view! {
                <div class="settlement-head">
                    <h2 data-testid="settlement-heading">{heading}</h2>
                    <p class="rules-in-force" data-testid="rules-in-force">{rules}</p>
                    <button type="button" class="primary" data-testid="enter-projector" on:click=move |_| crate::app::projector::enter(state)>
                        {t("projector.enter")}
                    </button>
                    <button type="button" on:click=move |_| {
                        let lang = state.lang.get_untracked();
                        save_text(
                            &format!("shuno-settlement-period{}-{}.csv", csv_settlement.period, csv_settlement.as_of),
                            &settlement_csv(&csv_settlement, lang),
                            "text/csv;charset=utf-8",
                        );
                    }>{t("overview.export_csv")}</button>
                </div>
                <div class="table-wrap">
                    <table class="settlement" data-testid="settlement-table">
                        <caption>{t("overview.caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("table.col.code")}</th>
                                <th scope="col">{t("table.col.office")}</th>
                                {Kind::ALL
                                    .into_iter()
                                    .map(|k| view! { <th scope="col">{move || state.t(&format!("kind.{}", k.code()))}</th> })
                                    .collect_view()}
                                <th scope="col" class="num">{t("table.col.base")}</th>
                                <th scope="col" class="num">{t("table.col.achievement")}</th>
                                <th scope="col" class="num">{t("table.col.transfer")}</th>
                                <th scope="col" class="num">{t("table.col.incident")}</th>
                                <th scope="col" class="num">{t("table.col.total")}</th>
                                <th scope="col">{t("overview.flags")}</th>
                            </tr>
                        </thead>
                        <tbody>{offices.into_iter().map(office_row).collect_view()}</tbody>
                        <tfoot>
                            <tr>
                                <th scope="row" colspan="5">
                                    {move || format!("{} ({} {})", state.t("overview.totals"), sum.offices, state.t("overview.offices"))}
                                </th>
                                <td class="num">{format_yen(sum.base_yen)}</td>
                                <td class="num">{format_yen(sum.achievement_adjustment_yen)}</td>
                                <td class="num">{format_yen(sum.account_transfer_adjustment_yen)}</td>
                                <td class="num">{format_yen(sum.incident_deduction_yen)}</td>
                                <td class="num" data-testid="grand-total">{format_yen(sum.total_yen)}</td>
                                <td></td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
            }
            .into_any()
        }
    }
    };

    view! {
        <section class="page overview">
            <h1>{t("nav.overview")}</h1>
            {controls}
            {body}
        </section>
    }
}

fn kind_cell(k: KindSettlement) -> impl IntoView {
    let state = expect_context::<AppState>();
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
            <span class="small">
                {move || state.t("table.col.rate")} " " {percent_or_dash(k.rate)} " / " {move || state.t("table.col.target")} " "
                {percent_or_dash(k.target)}
            </span>
            <span class="small adj">{format_yen(k.achievement_adjustment_yen)}</span>
        </td>
    }
}

fn office_row(o: OfficeSettlement) -> impl IntoView {
    let state = expect_context::<AppState>();
    let flags = o.flags.clone();
    view! {
        <tr data-office=o.office_code.clone()>
            <td>{o.office_code.clone()}</td>
            <td>
                <button type="button" class="link office-name" on:click={
                    let code = o.office_code.clone();
                    move |_| state.show_office(code.clone())
                }>{o.office_name.clone()}</button>
                <span class="small">{o.prefecture.clone()}</span>
            </td>
            {o.kinds.into_iter().map(kind_cell).collect_view()}
            <td class="num">{format_yen(o.base_yen)}</td>
            <td class="num">{format_yen(o.achievement_adjustment_yen)}</td>
            <td class="num">{format_yen(o.account_transfer_adjustment_yen)}</td>
            <td class="num">{format_yen(o.incident_deduction_yen)}</td>
            <td class="num total" data-testid="office-total">{format_yen(o.total_yen)}</td>
            <td class="flags">
                {move || {
                    flags
                        .iter()
                        .map(|f| view! { <span class=format!("flag flag-{}", f.name())>{f.label(state.lang.get())}</span> })
                        .collect_view()
                }}
            </td>
        </tr>
    }
}
