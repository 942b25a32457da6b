//! The seed's numbers for profile B (seed 003, digest B), each beside its
//! sentence, and the targets in force for a month: the ward's row, else the
//! seed's figure.

use super::dataset::{CallCentreDataset, MonthTargets};
use crate::core::calendar::{Period, YearMonth};

/// 委託期間: 令和8年4月1日～令和9年3月31日 (seed 003 2).
pub const CONTRACT: Period = Period { number: 1, first: YearMonth { year: 2026, month: 4 } };

/// 電話催告の目標件数は月5,700件(年間68,400件) (seed 003 10(1)).
pub const CALLS_PER_MONTH: i64 = 5_700;
/// 年間68,400件 (seed 003 10(1)): twelve months of [`CALLS_PER_MONTH`].
pub const CALLS_PER_YEAR: i64 = 68_400;
/// SMS催告の目標件数は月200~250件(年間3,000件) (seed 003 10(5)).
pub const SMS_PER_MONTH: (i64, i64) = (200, 250);
pub const SMS_PER_YEAR: i64 = 3_000;
/// ※SMSの送信上限は5,000件とする (seed 003 10(5)): over the whole contract.
pub const SMS_CEILING: i64 = 5_000;
/// 電話番号入力は月1,000~1,200件(年間14,000件) (seed 003 10(6)).
pub const PHONE_ENTRIES_PER_MONTH: (i64, i64) = (1_000, 1_200);
pub const PHONE_ENTRIES_PER_YEAR: i64 = 14_000;
/// 財産調査(本店調査、支店調査)の年間対象者数(実人数)は概ね6,000名とする
/// (seed 003 10(4)): a rough workload (概ね), not a target the contract enforces.
pub const PROPERTY_CHECK_PERSONS_PER_YEAR: i64 = 6_000;
/// 電話回線及び電話機(2台) (seed 003 16(1)①): the lines the ward provides.
pub const PHONE_LINES: u32 = 2;

/// The seed's targets for any month of the contract.
pub fn seed_targets(month: YearMonth) -> MonthTargets {
    MonthTargets {
        month,
        calls: CALLS_PER_MONTH,
        sms_min: SMS_PER_MONTH.0,
        sms_max: SMS_PER_MONTH.1,
        phone_entries_min: PHONE_ENTRIES_PER_MONTH.0,
        phone_entries_max: PHONE_ENTRIES_PER_MONTH.1,
    }
}

/// Where a month's targets come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// The seed's figures (no row for the month).
    Seed,
    /// The ward's row in the monthly targets table (seed 003 10(2)).
    Ward,
}

/// The targets in force for `month`: the ward's row, else the seed's.
pub fn targets_for(data: &CallCentreDataset, month: YearMonth) -> (MonthTargets, TargetSource) {
    match data.targets.iter().find(|t| t.targets.month == month) {
        Some(row) => (row.targets, TargetSource::Ward),
        None => (seed_targets(month), TargetSource::Seed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_yearly_figures_are_twelve_months_or_as_the_seed_says() {
        assert_eq!(CALLS_PER_MONTH * 12, CALLS_PER_YEAR);
        // The seed's yearly SMS and entry figures are its own, not 12 × a bound:
        // 3,000 is 12 × 250 and 14,000 lies between 12 × 1,000 and 12 × 1,200.
        assert_eq!(SMS_PER_MONTH.1 * 12, SMS_PER_YEAR);
        assert!((PHONE_ENTRIES_PER_MONTH.0 * 12..=PHONE_ENTRIES_PER_MONTH.1 * 12)
            .contains(&PHONE_ENTRIES_PER_YEAR));
        assert_eq!(CONTRACT.months().count(), 12);
        assert_eq!(CONTRACT.last(), YearMonth { year: 2027, month: 3 });
    }
}
