//! The monthly trajectory of the promotion payment rate (digest A2) against the
//! target, period to date, for the office-detail chart: one series per kind, with
//! the months after the as-of month marked as still to come.

use crate::core::calendar::{Period, YearMonth};
use crate::core::money::{frac, from_decimal, int, to_decimal};
use crate::profiles::pension::dataset::{Kind, PensionDataset};
use crate::profiles::pension::rules::settlement::RATE_PLACES;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrajectoryPoint {
    pub month: YearMonth,
    /// The period-to-date rate at the end of the month (a fraction), if known.
    pub rate: Option<Decimal>,
    /// After the as-of month: not yet reported.
    pub to_come: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trajectory {
    pub kind: Kind,
    /// The period's target (a fraction), if set.
    pub target: Option<Decimal>,
    pub points: Vec<TrajectoryPoint>,
}

/// The three kinds' trajectories of `office` over `period`, up to `as_of`.
pub fn trajectories(
    data: &PensionDataset,
    office: &str,
    period: Period,
    as_of: YearMonth,
) -> Vec<Trajectory> {
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let target = data
                .targets
                .iter()
                .find(|t| t.office_code == office && t.period == period.number && t.kind == kind)
                .map(|t| to_decimal(&(from_decimal(t.rate_percent) / int(100)), RATE_PLACES).normalize());
            let points = period
                .months()
                .map(|month| {
                    let to_come = month > as_of;
                    let rate = (!to_come)
                        .then(|| {
                            data.progress
                                .iter()
                                .find(|p| p.office_code == office && p.kind == kind && p.month == month)
                        })
                        .flatten()
                        .filter(|p| p.denominator() > 0)
                        .map(|p| to_decimal(&frac(p.promoted_months, p.denominator()), RATE_PLACES));
                    TrajectoryPoint { month, rate, to_come }
                })
                .collect();
            Trajectory { kind, target, points }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::pension::calendar as national_pension;
    use crate::profiles::pension::dataset::{Origin, Progress, Target};

    #[test]
    fn months_after_as_of_are_to_come_and_zero_denominators_have_no_rate() {
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        let progress = |month: &str, due, promoted| Progress {
            office_code: "1".into(),
            kind: Kind::Current,
            month: ym(month),
            due_months: due,
            excluded_paid_months: 0,
            forced_months: 0,
            promoted_months: promoted,
            origin: Origin::default(),
        };
        let data = PensionDataset {
            progress: vec![
                progress("2026-05", 100, 25),
                progress("2026-06", 0, 0),
                progress("2026-08", 100, 50),
            ],
            targets: vec![Target {
                office_code: "1".into(),
                period: 1,
                kind: Kind::Current,
                rate_percent: Decimal::new(234, 1),
                origin: Origin::default(),
            }],
            ..PensionDataset::default()
        };
        let t = trajectories(&data, "1", national_pension::period(1).unwrap(), ym("2026-07"));
        let current = &t[0];
        assert_eq!(current.target, Some(Decimal::new(234, 3)));
        assert_eq!(current.points.len(), 12);
        assert_eq!(current.points[0].rate, Some(Decimal::new(25, 2).round_dp(RATE_PLACES)));
        assert_eq!(current.points[1].rate, None);
        assert!(!current.points[2].to_come && current.points[2].rate.is_none());
        assert!(current.points[3].to_come && current.points[3].rate.is_none());
        assert_eq!(t[1].target, None);
    }
}
