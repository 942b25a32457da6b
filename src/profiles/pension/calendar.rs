//! The national pension contract's calendar, starting 令和8年5月 (digest A1): three
//! settlement periods of twelve months, May to April.

use crate::core::calendar::{Period, YearMonth};

/// First month of the contract (令和8年5月開始事業).
pub const CONTRACT_START: YearMonth = YearMonth { year: 2026, month: 5 };
/// Number of settlement periods (第1期–第3期).
pub const PERIOD_COUNT: u8 = 3;

/// Period `number` (1–3), or `None` outside the contract.
pub fn period(number: u8) -> Option<Period> {
    (1..=PERIOD_COUNT)
        .contains(&number)
        .then(|| Period { number, first: CONTRACT_START.plus(12 * (number as i64 - 1)) })
}

/// The period a month falls in, or `None` outside the contract.
pub fn period_of(month: YearMonth) -> Option<Period> {
    let offset = month.index() - CONTRACT_START.index();
    if offset < 0 {
        return None;
    }
    u8::try_from(offset / 12 + 1).ok().and_then(period)
}

pub fn periods() -> impl Iterator<Item = Period> {
    (1..=PERIOD_COUNT).filter_map(period)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_periods() {
        let p3 = period(3).unwrap();
        assert_eq!(p3.first.to_string(), "2028-05");
        assert_eq!(p3.last().to_string(), "2029-04");
        assert_eq!(period(0), None);
        assert_eq!(period(4), None);
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        assert_eq!(period_of(ym("2027-04")).map(|p| p.number), Some(1));
        assert_eq!(period_of(ym("2027-05")).map(|p| p.number), Some(2));
        assert_eq!(period_of(ym("2026-04")), None);
        assert_eq!(period_of(ym("2029-05")), None);
    }
}
