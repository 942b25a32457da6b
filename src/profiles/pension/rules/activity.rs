//! Monthly activity against plan per promotion method (督励手法, digest A9): the
//! monthly inspection fails a month whose count for a method is below its plan
//! unless a reason and a recovery plan are filed.

use crate::core::calendar::{Period, YearMonth};
use crate::profiles::pension::dataset::PensionDataset;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityMonth {
    pub month: YearMonth,
    pub planned: i64,
    pub done: i64,
    pub contacts: i64,
    /// Σ planned − Σ done from the period's first month to this one (negative = ahead).
    pub cumulative_shortfall: i64,
    pub to_come: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodActivity {
    pub method: String,
    pub months: Vec<ActivityMonth>,
}

/// Each method's months over `period` for `office`, up to `as_of`.
pub fn activity_by_method(
    data: &PensionDataset,
    office: &str,
    period: Period,
    as_of: YearMonth,
) -> Vec<MethodActivity> {
    let mut by_method: BTreeMap<&str, BTreeMap<YearMonth, (i64, i64, i64)>> = BTreeMap::new();
    for a in data.activity.iter().filter(|a| a.office_code == office && period.contains(a.month)) {
        by_method.entry(a.method.as_str()).or_default().insert(a.month, (a.planned, a.done, a.contacts));
    }
    by_method
        .into_iter()
        .map(|(method, months)| {
            let mut shortfall = 0;
            let months = period
                .months()
                .map(|month| {
                    let to_come = month > as_of;
                    let (planned, done, contacts) = months.get(&month).copied().unwrap_or_default();
                    if !to_come {
                        shortfall += planned - done;
                    }
                    ActivityMonth { month, planned, done, contacts, cumulative_shortfall: shortfall, to_come }
                })
                .collect();
            MethodActivity { method: method.to_string(), months }
        })
        .collect()
}

/// A method whose done count is below plan in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BelowPlan {
    pub method: String,
    pub planned: i64,
    pub done: i64,
}

/// The methods whose done count is below plan in `month` (the inspection trigger).
pub fn methods_below_plan(data: &PensionDataset, office: &str, month: YearMonth) -> Vec<BelowPlan> {
    data.activity
        .iter()
        .filter(|a| a.office_code == office && a.month == month && a.done < a.planned)
        .map(|a| BelowPlan { method: a.method.clone(), planned: a.planned, done: a.done })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::pension::calendar as national_pension;
    use crate::profiles::pension::dataset::{Activity, Origin};

    #[test]
    fn cumulative_shortfall_and_methods_below_plan() {
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        let row = |month: &str, method: &str, planned, done| Activity {
            office_code: "1".into(),
            month: ym(month),
            method: method.into(),
            planned,
            done,
            contacts: done / 2,
            origin: Origin::default(),
        };
        let data = PensionDataset {
            activity: vec![
                row("2026-05", "電話", 100, 90),
                row("2026-06", "電話", 100, 120),
                row("2026-07", "電話", 100, 50),
                row("2026-06", "文書", 10, 10),
            ],
            ..PensionDataset::default()
        };
        let a = activity_by_method(&data, "1", national_pension::period(1).unwrap(), ym("2026-06"));
        assert_eq!(a.len(), 2);
        let phone = a.iter().find(|m| m.method == "電話").unwrap();
        assert_eq!(phone.months[0].cumulative_shortfall, 10);
        assert_eq!(phone.months[1].cumulative_shortfall, -10);
        assert!(phone.months[2].to_come);
        assert_eq!(phone.months[2].cumulative_shortfall, -10, "months to come do not count yet");
        assert_eq!(
            methods_below_plan(&data, "1", ym("2026-05")),
            vec![BelowPlan { method: "電話".into(), planned: 100, done: 90 }]
        );
        assert!(methods_below_plan(&data, "1", ym("2026-06")).is_empty());
    }
}
