//! 点検・リカバリー: the monthly inspection (seed 000 ⅩⅢ) month by month with
//! its 理由書 deadlines and status, the shortfalls by method, the recovery plan
//! and rate recovery. Everything is computed by the core (`views::plan`); the
//! filing days entered here leave the page only in the filings file.

mod check;
mod months;
mod rate;
mod recovery;
mod tracker;

use crate::app::components::enum_select::EnumSelect;
use crate::app::pension::pages::overview::controls::{AsOfSelect, PeriodSelect};
use crate::app::route::Page;
use crate::app::state::{tr, AppState};
use crate::core::calendar::format_month;
use crate::core::i18n::{msg, period_label};
use crate::core::import::problem::Reason;
use crate::core::import::values::parse_yen;
use crate::core::money::format_yen;
use crate::profiles::pension::rules::inspection::{AtRiskBasis, FilingStatus, InspectionScope};
use crate::profiles::pension::rules::recovery::RecoveryShape;
use crate::profiles::pension::views::plan::Plan;
use crate::profiles::pension::PensionReason;
use leptos::prelude::*;

#[component]
pub fn Inspection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = tr;
    view! {
        <section class="page inspection" data-testid="inspection">
            <h1>{t("nav.inspection")}</h1>
            <p class="muted">{t("inspection.lead")}</p>
            <Choices />
            {move || match state.plan.get() {
                None if state.report.with(|r| r.blocks_inspection()) => view! {
                    <div class="errors" role="alert" data-testid="inspection-blocked">
                        <p>{t("inspection.blocked")}</p>
                        <button type="button" on:click=move |_| state.page.set(Page::Import)>{t("nav.import")}</button>
                    </div>
                }.into_any(),
                None => view! {
                    <div class="empty" data-testid="inspection-empty">
                        <p>{t("inspection.empty")}</p>
                        <button type="button" on:click=move |_| state.page.set(Page::Import)>{t("nav.import")}</button>
                    </div>
                }.into_any(),
                Some(Err(e)) => view! { <p class="errors" role="alert">{move || e.message(state.lang.get())}</p> }.into_any(),
                Some(Ok(plan)) => view! { <PlanView plan /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Choices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choices = state.inspection;
    let rejected = RwSignal::new(None::<String>);
    let fee = move |ev| {
        let text = event_target_value(&ev);
        // A figure that is not yen is said, never taken as blank.
        match (text.trim().is_empty(), parse_yen(&text)) {
            (true, _) => {
                rejected.set(None);
                choices.update(|c| c.monthly_fee = None);
            }
            (false, Ok(fee)) => {
                rejected.set(None);
                choices.update(|c| c.monthly_fee = Some(fee));
            }
            (false, Err(error)) => {
                let reason =
                    Reason::<PensionReason>::Value { error }.message().render(state.lang.get_untracked());
                rejected.set(Some(format!("「{text}」: {reason}")));
            }
        }
    };
    view! {
        <div class="controls">
            <PeriodSelect />
            <AsOfSelect />
            <EnumSelect
                label="plan.scope"
                text_prefix="plan.scope"
                value=Signal::derive(move || choices.with(|c| c.scope))
                on_change=move |s: InspectionScope| choices.update(|c| c.scope = s)
            />
            <EnumSelect
                label="plan.shape"
                text_prefix="plan.shape"
                value=Signal::derive(move || choices.with(|c| c.shape))
                on_change=move |s: RecoveryShape| choices.update(|c| c.shape = s)
            />
            <label>
                {tr("inspection.monthly_fee")}
                <input type="text" inputmode="numeric" placeholder=tr("inspection.monthly_fee_hint") data-testid="monthly-fee" on:change=fee />
                <span class="error" role="alert">{move || rejected.get()}</span>
            </label>
        </div>
    }
}

#[component]
fn PlanView(plan: Plan) -> impl IntoView {
    let state = expect_context::<AppState>();
    let when = {
        let (period, as_of, today) = (plan.period, plan.as_of, plan.today);
        move || {
            let (lang, style) = (state.lang.get(), state.date_style.get());
            format!(
                "{} {} {}　{} {}",
                period_label(period, lang),
                state.t("table.as_of"),
                format_month(as_of, style),
                state.t("plan.today"),
                today
            )
        }
    };
    let plan = std::sync::Arc::new(plan);
    view! {
        <p class="inspection-when" data-testid="inspection-when">{when}</p>
        <Summary plan=plan.clone() />
        <months::Months plan=plan.clone() />
        <tracker::Tracker plan=plan.clone() />
        <check::ActivityCheck plan=plan.clone() />
        <recovery::Recovery plan=plan.clone() />
        <rate::RateRecovery plan />
    }
}

/// The months that need a 理由書, the next deadline, and the payment withheld.
#[component]
fn Summary(plan: std::sync::Arc<Plan>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let needing = plan.months.iter().filter(|m| m.short_rows > 0).count();
    let withheld = plan.months.iter().filter(|m| m.status.withholds_payment()).count();
    let next = plan
        .months
        .iter()
        .filter_map(|m| match m.status {
            FilingStatus::Due { days_left } => Some((m.deadline, days_left)),
            _ => None,
        })
        .min();
    let at_risk = plan.at_risk;
    view! {
        <div class="summary-tiles" data-testid="inspection-summary">
            <div class="tile"><span>{tr("inspection.months_needing")}</span><strong>{needing}</strong></div>
            <div class="tile" data-testid="next-deadline">
                <span>{tr("inspection.next_deadline")}</span>
                <strong>{next.map_or("—".to_string(), |(d, _)| d.to_string())}</strong>
                <small>{move || next.map(|(_, days)| msg("inspection.days_left").arg("days", days).render(state.lang.get()))}</small>
            </div>
            <div class="tile" class:low={withheld > 0}>
                <span>{tr("inspection.months_withheld")}</span><strong>{withheld}</strong>
            </div>
            <div class="tile" data-testid="at-risk">
                <span>{tr("inspection.at_risk")}</span>
                <strong>{at_risk.map_or("—".to_string(), |a| format_yen(a.withheld_yen))}</strong>
                <small>{move || at_risk.map(|a| {
                    let basis = match a.basis {
                        AtRiskBasis::EnteredMonthlyFee => state.t("inspection.basis.entered"),
                        AtRiskBasis::PeriodFeeTwelfth => state.t("inspection.basis.twelfth"),
                    };
                    format!("{} {} ({basis})", state.t("inspection.per_month"), format_yen(a.monthly_yen))
                })}</small>
            </div>
        </div>
    }
}
