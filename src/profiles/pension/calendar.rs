//! The national pension contract's calendar, starting 令和8年5月 (digest A1): three
//! settlement periods of twelve months, May to April.

use crate::core::business_days::BusinessCalendar;
use crate::core::calendar::{Period, YearMonth};
use chrono::NaiveDate;

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

/// The day of the month after `month` by which a 理由書 is due when a method's
/// count fell short of its plan (seed 000 ⅩⅢ1):
/// 「督励実施件数が別添報告様式1-2の計画件数に達しない場合は、当該月の翌月20日
/// （当該日が土日祝日の場合は機構の翌営業日）までに、理由書を国民年金部に提出」.
/// ⅩⅢ3 repeats 「当該月の翌月20日までに」 without the business-day clause; the
/// filing duty of ⅩⅢ1, with it, is the reading in force. The 機構's business
/// days are the government's (`calendar`, 12/29–1/3 closed unless switched off).
pub fn reason_deadline(month: YearMonth, calendar: &BusinessCalendar) -> Option<NaiveDate> {
    let next = month.plus(1);
    NaiveDate::from_ymd_opt(next.year, next.month, 20).map(|day| calendar.on_or_after(day))
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
