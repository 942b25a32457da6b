//! The monthly inspection (seed 000 ⅩⅢ, digest A9): every month of the period up
//! to the as-of month, per 督励手法, the count done against 様式1-2's plan; the
//! 理由書 each short month needs, its deadline, and whether it was filed.
//!
//! ⅩⅢ1: 「督励実施件数が別添報告様式1-2の計画件数に達しない場合は、当該月の翌月20日
//! （当該日が土日祝日の場合は機構の翌営業日）までに、理由書を国民年金部に提出」.
//! ⅩⅢ3: a 理由書 not filed by then fails the month, and payment is withheld
//! (支払を保留) until it passes.

use crate::core::business_days::BusinessCalendar;
use crate::core::calendar::{Period, YearMonth};
use crate::core::money::{frac, Rounding, Yen};
use crate::profiles::pension::calendar::reason_deadline;
use crate::profiles::pension::dataset::PensionDataset;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Whose count is held against the plan. The seed says 「別添報告様式1-2の計画件数」
/// without saying whether each office's row or the contract's total is the
/// measure (ⅩⅢ1, ⅩⅢ2(3)②: per 督励手法). Both are offered.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum InspectionScope {
    /// Each office's count per method against its own plan. The reading in force:
    /// 様式1-2 is filled in per office, and the settlement flags an office.
    #[default]
    PerOffice,
    /// The counts of every office loaded, summed per method, against the summed plan.
    Total,
}

impl InspectionScope {
    pub const ALL: &'static [InspectionScope] = <InspectionScope as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// One office (or the total) × month × method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionRow {
    /// `None` in [`InspectionScope::Total`].
    pub office_code: Option<String>,
    pub month: YearMonth,
    pub method: String,
    /// 計画件数 (様式1-2)
    pub planned: i64,
    /// 督励実施件数
    pub done: i64,
    /// planned − done when positive, else 0.
    pub shortfall: i64,
    /// The 理由書's deadline when the row is short.
    pub deadline: Option<NaiveDate>,
}

/// Where a month's 理由書 stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FilingStatus {
    /// No method fell short: no 理由書.
    NotNeeded,
    /// Not filed yet; `days_left` calendar days to the deadline (0 = today).
    Due { days_left: i64 },
    /// Not filed and the deadline has passed: the month fails and payment is
    /// withheld until it passes (ⅩⅢ3).
    Overdue { days_over: i64 },
    /// Filed on `on`; `late` when after the deadline (the month fails, ⅩⅢ3).
    Filed { on: NaiveDate, late: bool },
}

impl FilingStatus {
    /// Whether the month's payment is withheld on `today` (ⅩⅢ3).
    pub fn withholds_payment(self) -> bool {
        matches!(self, FilingStatus::Overdue { .. } | FilingStatus::Filed { late: true, .. })
    }
}

/// One month of the inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectedMonth {
    pub month: YearMonth,
    /// Rows short of plan in the month.
    pub short_rows: usize,
    /// 当該月の翌月20日, moved to the next business day (ⅩⅢ1).
    pub deadline: NaiveDate,
    pub status: FilingStatus,
}

/// What one month's payment is taken to be, and from where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AtRiskBasis {
    /// A monthly fee the user entered.
    EnteredMonthlyFee,
    /// The period fees of the districts loaded ÷ 12, rounded once.
    PeriodFeeTwelfth,
}

/// The payment a failed month withholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AtRisk {
    pub basis: AtRiskBasis,
    pub monthly_yen: Yen,
    /// Months withheld on `today` × the monthly amount.
    pub withheld_yen: Yen,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub scope: InspectionScope,
    pub period: u8,
    pub as_of: YearMonth,
    pub today: NaiveDate,
    /// Every row, months in order, then office, then method.
    pub rows: Vec<InspectionRow>,
    pub months: Vec<InspectedMonth>,
    /// The day each month's 理由書 was filed: the filings table, then what the
    /// user entered over it.
    pub filed: BTreeMap<YearMonth, NaiveDate>,
    /// `None` without fees and without an entered monthly fee.
    pub at_risk: Option<AtRisk>,
}

impl Inspection {
    /// The rows short of plan.
    pub fn shortfalls(&self) -> impl Iterator<Item = &InspectionRow> {
        self.rows.iter().filter(|r| r.shortfall > 0)
    }
}

/// What the inspection is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectionOptions {
    pub scope: InspectionScope,
    /// The day statuses are judged on (the app's clock, the CLI's `--today`).
    pub today: NaiveDate,
    /// One month's payment as the user knows it; else the period fee ÷ 12.
    pub monthly_fee: Option<Yen>,
    pub rounding: Rounding,
    /// Filing days the user entered, over the filings table's.
    pub entered: Vec<(YearMonth, NaiveDate)>,
}

/// Inspects `period` up to `as_of` (later months are not yet due).
pub fn inspect(
    data: &PensionDataset,
    period: Period,
    as_of: YearMonth,
    calendar: &BusinessCalendar,
    options: &InspectionOptions,
) -> Inspection {
    let months: Vec<YearMonth> = period.months().filter(|m| *m <= as_of).collect();
    let deadline = |m: YearMonth| reason_deadline(m, calendar).unwrap_or_else(|| m.plus(1).last_day());
    let rows = rows(data, &months, options.scope, &deadline);
    let mut filed: BTreeMap<YearMonth, NaiveDate> =
        data.reason_filings.iter().map(|f| (f.month, f.filed)).collect();
    filed.extend(options.entered.iter().copied());
    let months: Vec<InspectedMonth> = months
        .iter()
        .map(|&month| {
            let short_rows = rows.iter().filter(|r| r.month == month && r.shortfall > 0).count();
            let deadline = deadline(month);
            let status = status(short_rows, deadline, filed.get(&month).copied(), options.today);
            InspectedMonth { month, short_rows, deadline, status }
        })
        .collect();
    let withheld = months.iter().filter(|m| m.status.withholds_payment()).count() as i64;
    let at_risk = at_risk(data, period, options).map(|(basis, monthly_yen)| AtRisk {
        basis,
        monthly_yen,
        withheld_yen: monthly_yen.saturating_mul(withheld),
    });
    Inspection {
        scope: options.scope,
        period: period.number,
        as_of,
        today: options.today,
        rows,
        months,
        filed,
        at_risk,
    }
}

fn rows(
    data: &PensionDataset,
    months: &[YearMonth],
    scope: InspectionScope,
    deadline: &impl Fn(YearMonth) -> NaiveDate,
) -> Vec<InspectionRow> {
    let (first, last) = match (months.first(), months.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => return Vec::new(),
    };
    let mut counts: BTreeMap<(YearMonth, Option<&str>, &str), (i64, i64)> = BTreeMap::new();
    for a in data.activity.iter().filter(|a| (first..=last).contains(&a.month)) {
        let office = match scope {
            InspectionScope::PerOffice => Some(a.office_code.as_str()),
            InspectionScope::Total => None,
        };
        let entry = counts.entry((a.month, office, a.method.as_str())).or_default();
        entry.0 = entry.0.saturating_add(a.planned);
        entry.1 = entry.1.saturating_add(a.done);
    }
    counts
        .into_iter()
        .map(|((month, office, method), (planned, done))| {
            let shortfall = planned.saturating_sub(done).max(0);
            InspectionRow {
                office_code: office.map(str::to_string),
                month,
                method: method.to_string(),
                planned,
                done,
                shortfall,
                deadline: (shortfall > 0).then(|| deadline(month)),
            }
        })
        .collect()
}

fn status(
    short_rows: usize,
    deadline: NaiveDate,
    filed: Option<NaiveDate>,
    today: NaiveDate,
) -> FilingStatus {
    if short_rows == 0 {
        return FilingStatus::NotNeeded;
    }
    match filed {
        Some(on) => FilingStatus::Filed { on, late: on > deadline },
        None if today <= deadline => FilingStatus::Due { days_left: (deadline - today).num_days() },
        None => FilingStatus::Overdue { days_over: (today - deadline).num_days() },
    }
}

/// One month's payment: the entered fee, else Σ period fees of the districts
/// loaded ÷ 12, rounded once.
fn at_risk(data: &PensionDataset, period: Period, options: &InspectionOptions) -> Option<(AtRiskBasis, Yen)> {
    if let Some(fee) = options.monthly_fee {
        return Some((AtRiskBasis::EnteredMonthlyFee, fee));
    }
    let districts: BTreeSet<&str> = data.offices.iter().map(|o| o.district.as_str()).collect();
    let fees: Vec<Yen> = data
        .fees
        .iter()
        .filter(|f| f.period == period.number && districts.contains(f.district.as_str()))
        .map(|f| f.fee_yen)
        .collect();
    if fees.is_empty() {
        return None;
    }
    let total = fees.iter().try_fold(0i64, |sum, f| sum.checked_add(*f))?;
    let monthly = options.rounding.to_yen(&frac(total, 12)).ok()?;
    Some((AtRiskBasis::PeriodFeeTwelfth, monthly))
}
