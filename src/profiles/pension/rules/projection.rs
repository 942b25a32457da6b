//! "If the pace holds" (#14): the period's last snapshot projected from the
//! as-of month, so that it can be settled like any dataset (and a scenario
//! applied over it).
//!
//! The progress snapshots are period-to-date: every count (T, 控除, F, P) grows
//! from the period's first month. A projected count is today's plus the
//! remaining months at a monthly pace, rounded down to whole months:
//! - [`Pace::Average`]: the average month so far (today's count ÷ months elapsed);
//! - [`Pace::Latest`]: the latest month's increment (today's less last month's;
//!   the average when there is no last month).
//!
//! A count never falls, and P never passes its denominator.

use crate::core::calendar::{Period, YearMonth};
use crate::profiles::pension::dataset::{DistrictDueMonths, Kind, PensionDataset, Progress};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The monthly pace a projection continues.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
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
pub enum Pace {
    /// The average month of the period so far (linear).
    Average,
    /// The latest month's increment.
    Latest,
}

impl Pace {
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The i18n key of the pace's words.
    pub fn key(self) -> &'static str {
        match self {
            Pace::Average => "pace.average",
            Pace::Latest => "pace.latest",
        }
    }
}

/// `data` with a snapshot at the period's last month for every office × kind
/// that has one at `as_of`, projected at `pace`. When `as_of` is the last
/// month, `data` is returned as it is.
pub fn project(data: &PensionDataset, period: Period, as_of: YearMonth, pace: Pace) -> PensionDataset {
    let last = period.last();
    if as_of >= last {
        return data.clone();
    }
    let elapsed = as_of.index() - period.first.index() + 1;
    let remaining = last.index() - as_of.index();
    let before: HashMap<(&str, Kind), &Progress> = data
        .progress
        .iter()
        .filter(|p| p.month == as_of.plus(-1) && period.contains(p.month))
        .map(|p| ((p.office_code.as_str(), p.kind), p))
        .collect();
    let grow = |today: i64, last_month: Option<i64>| {
        let monthly_times_elapsed = match (pace, last_month) {
            (Pace::Latest, Some(before)) => (today - before).max(0).saturating_mul(elapsed),
            _ => today.max(0),
        };
        // today + ⌊monthly × remaining⌋, the monthly pace kept as a multiple of `elapsed`.
        today.saturating_add(monthly_times_elapsed.saturating_mul(remaining) / elapsed)
    };
    let mut out = data.clone();
    out.progress.retain(|p| p.month != last);
    out.district_due_months.retain(|d| d.month != last);
    for now in data.district_due_months.iter().filter(|d| d.month == as_of) {
        let previous = data.district_due_months.iter().find(|d| {
            d.month == as_of.plus(-1)
                && d.district == now.district
                && d.kind == now.kind
                && period.contains(d.month)
        });
        let due_months = grow(now.due_months, previous.map(|d| d.due_months));
        out.district_due_months.push(DistrictDueMonths { month: last, due_months, ..now.clone() });
    }
    for now in data.progress.iter().filter(|p| p.month == as_of) {
        let previous = before.get(&(now.office_code.as_str(), now.kind)).copied();
        let due_months = grow(now.due_months, previous.map(|p| p.due_months));
        let excluded_paid_months = grow(now.excluded_paid_months, previous.map(|p| p.excluded_paid_months));
        let forced_months = grow(now.forced_months, previous.map(|p| p.forced_months));
        let denominator = due_months - excluded_paid_months - forced_months;
        let promoted = grow(now.promoted_months, previous.map(|p| p.promoted_months));
        out.progress.push(Progress {
            month: last,
            due_months,
            excluded_paid_months,
            forced_months,
            promoted_months: promoted.min(denominator.max(now.promoted_months)),
            ..now.clone()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::pension::calendar::period;
    use crate::profiles::pension::dataset::Origin;

    fn snapshot(month: &str, due: i64, promoted: i64) -> Progress {
        Progress {
            office_code: "1".into(),
            kind: Kind::Current,
            month: month.parse().unwrap(),
            due_months: due,
            excluded_paid_months: due / 10,
            forced_months: 0,
            promoted_months: promoted,
            origin: Origin::default(),
        }
    }

    #[test]
    fn average_and_latest_pace() {
        // August is the 4th month of period 1: 8 months remain.
        let data = PensionDataset {
            progress: vec![snapshot("2026-07", 900, 70), snapshot("2026-08", 1000, 100)],
            ..PensionDataset::default()
        };
        let p1 = period(1).unwrap();
        let as_of = "2026-08".parse().unwrap();
        let last = |pace| {
            project(&data, p1, as_of, pace).progress.into_iter().find(|p| p.month == p1.last()).unwrap()
        };
        let average = last(Pace::Average);
        assert_eq!(
            (average.due_months, average.excluded_paid_months, average.promoted_months),
            (3000, 300, 300)
        );
        let latest = last(Pace::Latest);
        // T: 1000 + 100 × 8; 控除: 100 + 10 × 8; P: 100 + 30 × 8.
        assert_eq!(
            (latest.due_months, latest.excluded_paid_months, latest.promoted_months),
            (1800, 180, 340)
        );
        assert_eq!(project(&data, p1, p1.last(), Pace::Average), data, "a complete period is as it is");
    }
}
