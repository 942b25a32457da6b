//! Rate recovery: per office × kind, the promoted months to add for 80–120 %
//! of target, per remaining month and in contacts at the office's yield; and
//! for one office, the gap to each level as bars.

use crate::app::components::export_buttons::{Export, ExportButtons};
use crate::app::pension::scenarios::Scenarios;
use crate::app::route::Page;
use crate::app::state::{tr, tr_key, AppState};
use crate::core::money::group_thousands;
use crate::profiles::pension::rules::rate_recovery::{RateRecovery, YieldBasis, LEVELS_PERCENT};
use crate::profiles::pension::views::plan::Plan;
use crate::profiles::pension::views::plan_export::{plan_file_stem, sheet_workbook, PlanSheet};
use crate::profiles::pension::views::whatif::reaching;
use leptos::prelude::*;
use std::sync::Arc;

fn count(n: Option<i64>) -> String {
    n.map_or("—".into(), |n| group_thousands(n.unsigned_abs()))
}

#[component]
pub fn RateRecovery(plan: Arc<Plan>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    let stored = StoredValue::new(plan.as_ref().clone());
    let export = move |lang| {
        stored.with_value(|p| Export {
            book: sheet_workbook(p, PlanSheet::RateRecovery, lang),
            stem: format!("{}_{}", plan_file_stem(p, lang), state.t("plan.sheet.rate_recovery")),
        })
    };
    let unavailable = plan.rate_recovery_unavailable.first().cloned();
    // Five rows per office × kind, in level order.
    let rows =
        plan.rate_recovery.chunks(LEVELS_PERCENT.len()).map(<[RateRecovery]>::to_vec).collect::<Vec<_>>();
    let first_office = rows.first().and_then(|r| r.first()).map(|r| r.office_code.clone());
    let office = RwSignal::new(first_office);
    let body = rows.iter().map(|levels| view! { <LevelsRow levels=levels.clone() office /> }).collect_view();
    view! {
        <section class="inspection-rate" data-testid="rate-recovery">
            <h2>{t("plan.sheet.rate_recovery")} <ExportButtons export test_id="rate-export" /></h2>
            <p class="muted">{t("inspection.rate_rule")}</p>
            {unavailable.map(|e| view! { <p class="errors">{move || e.message(state.lang.get())}</p> })}
            <GapBars rows=rows.clone() office />
            <table class="compact">
                <thead>
                    <tr>
                        <th scope="col">{t("plan.col.office_code")}</th>
                        <th scope="col">{t("plan.col.kind")}</th>
                        {LEVELS_PERCENT.map(|l| view! { <th scope="col" class="num">{format!("{l}%")}</th> })}
                        <th scope="col" class="num">{t("inspection.per_month_100")}</th>
                        <th scope="col" class="num">{t("inspection.effort_100")}</th>
                        <th scope="col">{t("plan.col.yield_basis")}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}

#[component]
fn LevelsRow(levels: Vec<RateRecovery>, office: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = expect_context::<Scenarios>();
    let first = levels[0].clone();
    let at_100 = levels.iter().find(|r| r.level_percent == 100).cloned().unwrap_or_else(|| first.clone());
    let code = first.office_code.clone();
    let testid = format!("rate-{}-{}", first.office_code, first.kind.code());
    let yield_text = move || {
        first.office_yield.map(|y| {
            let basis = match y.basis {
                YieldBasis::QualifyingContacts => state.t("plan.yield.contacts"),
                YieldBasis::Actions => state.t("plan.yield.actions"),
            };
            format!(
                "{basis} {} / {}",
                group_thousands(y.per.unsigned_abs()),
                group_thousands(y.promoted_months.unsigned_abs())
            )
        })
    };
    view! {
        <tr data-testid=testid class:selected=move || office.with(|o| o.as_deref() == Some(code.as_str()))>
            <th scope="row">
                <button type="button" class="link" on:click={
                    let code = first.office_code.clone();
                    move |_| office.set(Some(code.clone()))
                }>{first.office_code.clone()}</button>
            </th>
            <td>{tr_key(format!("kind.{}", first.kind.code()))}</td>
            {levels.iter().map(|r| {
                // One click: "what if this office reaches this level" as a scenario.
                let (code, kind, level) = (r.office_code.clone(), r.kind, r.level_percent);
                let what_if = move |_| {
                    if scenarios.open(reaching(&code, kind, level)) {
                        state.page.set(Page::WhatIf);
                    }
                };
                view! {
                    <td class="num" class:unreachable=!r.reachable data-level=r.level_percent>
                        <button type="button" class="link" title=tr("inspection.what_if") on:click=what_if>{count(r.promoted_months_needed)}</button>
                    </td>
                }
            }).collect_view()}
            <td class="num">{count(at_100.per_remaining_month)}</td>
            <td class="num">{count(at_100.effort_needed)}</td>
            <td>{yield_text}</td>
        </tr>
    }
}

/// The chosen office's gap to each level, kind by kind: one bar per level,
/// scaled to the largest reachable gap of the office.
#[component]
fn GapBars(rows: Vec<Vec<RateRecovery>>, office: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let code = office.get()?;
        let kinds: Vec<&Vec<RateRecovery>> = rows.iter().filter(|r| r[0].office_code == code).collect();
        let max = kinds
            .iter()
            .flat_map(|r| r.iter())
            .filter_map(|r| r.promoted_months_needed)
            .max()
            .unwrap_or(0)
            .max(1);
        let groups = kinds
            .into_iter()
            .map(|levels| {
                let kind = levels[0].kind;
                let bars = levels.iter().map(|r| {
                    let n = r.promoted_months_needed.unwrap_or(0);
                    let width = format!("width: {}%", n * 100 / max);
                    view! {
                        <div class="gap-bar-row">
                            <span class="gap-level">{format!("{}%", r.level_percent)}</span>
                            <span class="gap-bar" class:unreachable=!r.reachable style=width></span>
                            <span class="num">{count(r.promoted_months_needed)}</span>
                        </div>
                    }
                }).collect_view();
                view! { <figure class="gap-group"><figcaption>{tr_key(format!("kind.{}", kind.code()))}</figcaption>{bars}</figure> }
            })
            .collect_view();
        Some(view! {
            <div class="gap-chart" role="img" aria-label=move || format!("{} {code}", state.t("inspection.gap_chart"))>{groups}</div>
        })
    }
}
