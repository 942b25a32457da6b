//! The inspection and recovery report in one call, for the 点検・リカバリー page
//! and `shuno plan`: the months short of plan with their 理由書 deadlines and
//! status, the recovery plan, and rate recovery.

use crate::core::business_days::BusinessCalendar;
use crate::core::calendar::YearMonth;
use crate::profiles::pension::calendar as national_pension;
use crate::profiles::pension::dataset::PensionDataset;
use crate::profiles::pension::records::promoted::PromotedTable;
use crate::profiles::pension::rules::activity_check::{activity_check, ActivityCheck};
use crate::profiles::pension::rules::inspection::{
    inspect, AtRisk, InspectedMonth, InspectionOptions, InspectionRow, InspectionScope,
};
use crate::profiles::pension::rules::rate_recovery::{
    rate_recovery, yields_from_actions, yields_from_records, RateRecovery, Yield,
};
use crate::profiles::pension::rules::recovery::{recovery_plan, RecoveryLine, RecoveryShape};
use crate::profiles::pension::rules::{prepare, Model, SettleError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the plan is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanOptions {
    /// The period (1–3); by default the one the as-of month falls in.
    pub period: Option<u8>,
    pub as_of: YearMonth,
    pub inspection: InspectionOptions,
    pub shape: RecoveryShape,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub period: u8,
    pub as_of: YearMonth,
    pub scope: InspectionScope,
    pub shape: RecoveryShape,
    pub today: NaiveDate,
    /// The rows short of plan, each with its deadline.
    pub inspections: Vec<InspectionRow>,
    /// Every office (or the total) × month × method, short or not: the page's tracker.
    #[serde(skip)]
    pub tracker: Vec<InspectionRow>,
    pub months: Vec<InspectedMonth>,
    /// Every filed day, loaded or entered: what the filings file saves.
    pub filed: BTreeMap<YearMonth, NaiveDate>,
    pub at_risk: Option<AtRisk>,
    pub recovery_plan: Vec<RecoveryLine>,
    pub rate_recovery: Vec<RateRecovery>,
    /// Check ① (ⅩⅢ2(3)①) for the months inspected, where the records cover an
    /// activity row's office and month; empty without records.
    pub activity_check: Vec<ActivityCheck>,
    /// Why rate recovery is empty: the settlement's tables are missing or
    /// incomplete for the as-of month.
    pub rate_recovery_unavailable: Vec<SettleError>,
}

/// Each office's yield: from the records where it has them, else from its
/// actions (what rate recovery and where-effort-pays convert months with).
pub fn office_yields(
    data: &PensionDataset,
    promoted: Option<&PromotedTable>,
    model: &Model,
) -> BTreeMap<String, Yield> {
    let mut yields = yields_from_actions(data, model);
    if let Some(table) = promoted {
        yields.extend(yields_from_records(table, model).into_iter().filter(|(_, y)| y.per > 0));
    }
    yields
}

/// The plan of `data` (and the records' promoted-months table, when loaded,
/// for the yield); an error only when the period does not exist or the as-of
/// month is outside it.
pub fn plan(
    data: &PensionDataset,
    promoted: Option<&PromotedTable>,
    calendar: &BusinessCalendar,
    options: &PlanOptions,
) -> Result<Plan, SettleError> {
    let number = match options.period {
        Some(n) => n,
        None => national_pension::period_of(options.as_of).map_or(0, |p| p.number),
    };
    let period = national_pension::period(number).ok_or(SettleError::NoSuchPeriod { period: number })?;
    if !period.contains(options.as_of) {
        return Err(SettleError::AsOfOutsidePeriod { as_of: options.as_of, period: number });
    }
    let inspection = inspect(data, period, options.as_of, calendar, &options.inspection);
    let recovery = recovery_plan(data, period, &inspection, options.shape);
    let (rate_recovery, rate_recovery_unavailable) = match prepare(data, Some(number), Some(options.as_of)) {
        Ok(model) => (rate_recovery(&model, &office_yields(data, promoted, &model)), Vec::new()),
        Err(errors) => (Vec::new(), errors),
    };
    let inspections = inspection.shortfalls().cloned().collect();
    let mut activity_check = promoted.map_or_else(Vec::new, |p| activity_check(data, p));
    activity_check.retain(|c| (period.first..=options.as_of).contains(&c.month));
    Ok(Plan {
        period: number,
        as_of: options.as_of,
        scope: inspection.scope,
        shape: options.shape,
        today: inspection.today,
        months: inspection.months,
        filed: inspection.filed,
        at_risk: inspection.at_risk,
        inspections,
        tracker: inspection.rows,
        recovery_plan: recovery,
        rate_recovery,
        activity_check,
        rate_recovery_unavailable,
    })
}

/// One cell of the tracker: a month and method, the offices short of plan in
/// it (the total's label when the scope is the total) and their summed shortfall.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrackerCell {
    pub offices: Vec<Option<String>>,
    pub shortfall: i64,
}

/// The methods of the tracker, and its short cells by month and method, over
/// the offices `shown` admits (a row of the total reading is always shown).
pub fn tracker_cells(
    plan: &Plan,
    shown: impl Fn(&str) -> bool,
) -> (Vec<String>, BTreeMap<(YearMonth, String), TrackerCell>) {
    let methods: std::collections::BTreeSet<&str> = plan.tracker.iter().map(|r| r.method.as_str()).collect();
    let mut cells: BTreeMap<(YearMonth, String), TrackerCell> = BTreeMap::new();
    for r in plan.inspections.iter().filter(|r| r.office_code.as_deref().is_none_or(&shown)) {
        let cell = cells.entry((r.month, r.method.clone())).or_default();
        cell.offices.push(r.office_code.clone());
        cell.shortfall = cell.shortfall.saturating_add(r.shortfall);
    }
    (methods.into_iter().map(str::to_string).collect(), cells)
}
