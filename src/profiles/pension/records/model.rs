//! The record-level model of 事業者督励月数 (digest A2): which actions open a
//! window, how long a window lasts, which premium kind a payment counts for, and
//! which payments can never be promoted. Pure functions of dates.

use super::tables::{Channel, Method, Outcome};
use crate::core::calendar::YearMonth;
use crate::profiles::pension::dataset::Kind;
use chrono::{Datelike, NaiveDate};

/// 接触日等 (digest A2): a phone action that reached the person or a joint obligor
/// (本人接触, 連帯納付義務者接触), or a letter sent (文書・送付). Every other action is
/// promotion activity but opens no window.
pub fn is_qualifying(method: Method, outcome: Outcome) -> bool {
    matches!(
        (method, outcome),
        (Method::Phone, Outcome::Person | Outcome::JointObligor) | (Method::Letter, Outcome::Sent)
    )
}

/// The last day of the window a qualifying contact on `contact` opens (digest A2):
/// the last day of the following month, or of the same month when the contact
/// falls in the last month of a period (April).
pub fn window_end(contact: NaiveDate) -> NaiveDate {
    let month = YearMonth::of(contact);
    if month.month == 4 {
        month.last_day()
    } else {
        month.plus(1).last_day()
    }
}

/// The collection year (May–April) a payment day belongs to: the year its period
/// starts in (2027-04-30 → 2026).
pub fn collection_year(paid: NaiveDate) -> i32 {
    if paid.month() >= 5 {
        paid.year()
    } else {
        paid.year() - 1
    }
}

/// The premium kind a payment counts for: the premium month's fiscal year
/// (April–March) against the payment day's collection year (May–April). A
/// difference of 0, 1 or 2 years is 現年度, 過年度1年目, 過年度2年目; anything else
/// (older arrears, prepayment of a later year) is out of scope: `None`.
pub fn premium_kind(premium: YearMonth, paid: NaiveDate) -> Option<Kind> {
    match collection_year(paid) - premium.fiscal_year() {
        0 => Some(Kind::Current),
        1 => Some(Kind::Past1),
        2 => Some(Kind::Past2),
        _ => None,
    }
}

/// Why a payment can or cannot be promoted, before any contact is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eligibility {
    /// Counts as promoted if a window covers its day.
    Eligible(Kind),
    /// 現年度 paid on or before its due date: on time, never promoted.
    OnTime,
    /// 強制徴収: never promoted (it is F in the rate's denominator).
    Forced,
    /// Neither 現年度 nor 過年度1・2年目.
    OutOfScope,
}

pub fn eligibility(premium: YearMonth, paid: NaiveDate, channel: Channel) -> Eligibility {
    let Some(kind) = premium_kind(premium, paid) else {
        return Eligibility::OutOfScope;
    };
    if channel == Channel::Forced {
        Eligibility::Forced
    } else if kind == Kind::Current && YearMonth::of(paid) <= premium.plus(1) {
        // On or before the due date, the last day of the month after.
        Eligibility::OnTime
    } else {
        Eligibility::Eligible(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn qualifying_actions() {
        assert!(is_qualifying(Method::Phone, Outcome::Person));
        assert!(is_qualifying(Method::Phone, Outcome::JointObligor));
        assert!(is_qualifying(Method::Letter, Outcome::Sent));
        assert!(!is_qualifying(Method::Phone, Outcome::Voicemail));
        assert!(!is_qualifying(Method::Phone, Outcome::Sent));
        assert!(!is_qualifying(Method::Letter, Outcome::Person));
        assert!(!is_qualifying(Method::Visit, Outcome::Person));
        assert!(!is_qualifying(Method::Sms, Outcome::Sent));
    }

    #[test]
    fn windows_end_at_the_next_month_end_or_in_april_at_april_end() {
        assert_eq!(window_end(d(2026, 5, 1)), d(2026, 6, 30));
        assert_eq!(window_end(d(2026, 5, 31)), d(2026, 6, 30));
        assert_eq!(window_end(d(2026, 12, 15)), d(2027, 1, 31));
        assert_eq!(window_end(d(2027, 1, 31)), d(2027, 2, 28));
        assert_eq!(window_end(d(2028, 1, 1)), d(2028, 2, 29), "leap year");
        assert_eq!(window_end(d(2027, 3, 31)), d(2027, 4, 30));
        assert_eq!(window_end(d(2027, 4, 1)), d(2027, 4, 30), "last month of a period");
        assert_eq!(window_end(d(2027, 4, 30)), d(2027, 4, 30));
    }

    #[test]
    fn kinds_across_fiscal_and_collection_year_edges() {
        // Premium 2026-04 (FY2026) paid in May 2026 (collection year 2026): current.
        assert_eq!(premium_kind(ym(2026, 4), d(2026, 5, 1)), Some(Kind::Current));
        // Premium 2026-03 (FY2025) paid in April 2026 (collection year 2025): current.
        assert_eq!(premium_kind(ym(2026, 3), d(2026, 4, 30)), Some(Kind::Current));
        // … paid one day later, in collection year 2026: past year 1.
        assert_eq!(premium_kind(ym(2026, 3), d(2026, 5, 1)), Some(Kind::Past1));
        assert_eq!(premium_kind(ym(2025, 4), d(2027, 4, 30)), Some(Kind::Past1));
        assert_eq!(premium_kind(ym(2025, 4), d(2027, 5, 1)), Some(Kind::Past2));
        assert_eq!(premium_kind(ym(2024, 4), d(2027, 5, 1)), None, "three years back");
        assert_eq!(premium_kind(ym(2027, 4), d(2026, 12, 1)), None, "a later fiscal year, prepaid");
    }

    #[test]
    fn on_time_boundary_and_forced() {
        let premium = ym(2026, 6);
        // Due 07-31, the last day of the month after.
        assert_eq!(eligibility(premium, d(2026, 7, 31), Channel::Normal), Eligibility::OnTime);
        assert_eq!(
            eligibility(premium, d(2026, 8, 1), Channel::Normal),
            Eligibility::Eligible(Kind::Current)
        );
        assert_eq!(eligibility(premium, d(2026, 5, 10), Channel::Normal), Eligibility::OnTime, "paid ahead");
        assert_eq!(eligibility(premium, d(2026, 8, 1), Channel::Forced), Eligibility::Forced);
        assert_eq!(
            eligibility(ym(2025, 6), d(2026, 8, 1), Channel::Normal),
            Eligibility::Eligible(Kind::Past1)
        );
        assert_eq!(eligibility(ym(2025, 6), d(2026, 8, 1), Channel::Forced), Eligibility::Forced);
        assert_eq!(eligibility(ym(2020, 6), d(2026, 8, 1), Channel::Normal), Eligibility::OutOfScope);
        // February's due date in a leap year: 02-29.
        assert_eq!(eligibility(ym(2028, 1), d(2028, 2, 29), Channel::Normal), Eligibility::OnTime);
        assert_eq!(
            eligibility(ym(2028, 1), d(2028, 3, 1), Channel::Normal),
            Eligibility::Eligible(Kind::Current)
        );
    }
}
