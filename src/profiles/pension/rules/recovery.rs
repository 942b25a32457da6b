//! The recovery plan (リカバリープラン) a 理由書 carries (seed 000 ⅩⅢ1: 理由及び翌月以降の
//! リカバリープラン): per office and method, the count still owed against the plan
//! to date, spread over the period's remaining months so it is closed by the
//! period's end.

use super::inspection::{Inspection, InspectionScope};
use crate::core::calendar::{Period, YearMonth};
use crate::profiles::pension::dataset::PensionDataset;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// How the owed count is spread over the remaining months.
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
pub enum RecoveryShape {
    /// The same count each month; the remainder one more in the earliest months.
    #[default]
    Even,
    /// In proportion to each month's own plan (largest remainders first, then the
    /// earliest); even when the remaining months plan nothing.
    LikePlan,
}

impl RecoveryShape {
    pub const ALL: &'static [RecoveryShape] = <RecoveryShape as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// One remaining month of a plan line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryMonth {
    pub month: YearMonth,
    /// 様式1-2's plan for the month (0 when none is loaded).
    pub planned: i64,
    /// What the plan adds to recover.
    pub extra: i64,
}

impl RecoveryMonth {
    /// The count to reach in the month: its plan and the recovery.
    pub fn goal(&self) -> i64 {
        self.planned.saturating_add(self.extra)
    }
}

/// One office (or the total) × method with a count owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryLine {
    pub office_code: Option<String>,
    pub method: String,
    /// Σ planned − Σ done from the period's first month to the as-of month.
    pub owed: i64,
    /// The latest deadline of the line's short months: the 理由書 it goes with.
    pub deadline: Option<NaiveDate>,
    /// The period's months after the as-of month; empty when none is left
    /// (the count can no longer be closed within the period).
    pub months: Vec<RecoveryMonth>,
}

/// The plan for every line still owing at the as-of month.
pub fn recovery_plan(
    data: &PensionDataset,
    period: Period,
    inspection: &Inspection,
    shape: RecoveryShape,
) -> Vec<RecoveryLine> {
    let remaining: Vec<YearMonth> = period.months().filter(|m| *m > inspection.as_of).collect();
    let plan = planned_by_line(data, inspection.scope, &remaining);
    // (office, method) → (Σ planned − Σ done, the latest deadline)
    type Line<'a> = (Option<&'a str>, &'a str);
    let mut owed: BTreeMap<Line, (i64, Option<NaiveDate>)> = BTreeMap::new();
    for r in &inspection.rows {
        let slot = owed.entry((r.office_code.as_deref(), r.method.as_str())).or_default();
        slot.0 = slot.0.saturating_add(r.planned.saturating_sub(r.done));
        slot.1 = slot.1.max(r.deadline);
    }
    owed.into_iter()
        .filter(|(_, (owed, _))| *owed > 0)
        .map(|((office, method), (owed, deadline))| {
            let planned: Vec<i64> =
                remaining.iter().map(|m| plan.get(&(office, method, *m)).copied().unwrap_or(0)).collect();
            let extra = spread(owed, &planned, shape);
            RecoveryLine {
                office_code: office.map(str::to_string),
                method: method.to_string(),
                owed,
                deadline,
                months: remaining
                    .iter()
                    .zip(planned.iter().zip(extra))
                    .map(|(month, (planned, extra))| RecoveryMonth {
                        month: *month,
                        planned: *planned,
                        extra,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// 様式1-2's plan for each line (office, or `None` for the total) × method ×
/// month of `months`, summed in one pass over the activity table.
fn planned_by_line<'a>(
    data: &'a PensionDataset,
    scope: InspectionScope,
    months: &[YearMonth],
) -> HashMap<(Option<&'a str>, &'a str, YearMonth), i64> {
    let mut planned = HashMap::new();
    for a in data.activity.iter().filter(|a| months.contains(&a.month)) {
        let office = (scope == InspectionScope::PerOffice).then_some(a.office_code.as_str());
        let slot: &mut i64 = planned.entry((office, a.method.as_str(), a.month)).or_default();
        *slot = slot.saturating_add(a.planned);
    }
    planned
}

/// `owed` in whole counts over the months, adding up to `owed` exactly.
pub fn spread(owed: i64, planned: &[i64], shape: RecoveryShape) -> Vec<i64> {
    let n = planned.len() as i64;
    if n == 0 || owed <= 0 {
        return vec![0; planned.len()];
    }
    let weights: Vec<i128> = match shape {
        RecoveryShape::LikePlan if planned.iter().any(|p| *p > 0) => {
            planned.iter().map(|p| i128::from((*p).max(0))).collect()
        }
        _ => vec![1; planned.len()],
    };
    let total: i128 = weights.iter().sum();
    let owed = i128::from(owed);
    let mut shares: Vec<i128> = weights.iter().map(|w| owed * w / total).collect();
    let mut left = owed - shares.iter().sum::<i128>();
    // Largest remainder first, the earlier month on a tie.
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(owed * weights[i] % total), i));
    for i in order {
        if left == 0 {
            break;
        }
        shares[i] += 1;
        left -= 1;
    }
    shares.into_iter().map(|s| i64::try_from(s).unwrap_or(i64::MAX)).collect()
}
