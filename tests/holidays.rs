//! The shipped holiday table against an independent source (every day of
//! 2026–2029 is a holiday in our table exactly when the jpholiday crate (the
//! Cabinet Office's list and the 祝日法's rules, computed its own way) says so,
//! with the same kind of name), and the pension contract's 理由書 deadlines.

use chrono::{Datelike, NaiveDate};
use shuno::core::business_days::HolidayTable;

#[test]
fn every_holiday_of_2026_to_2029_agrees_with_jpholiday() {
    let table = HolidayTable::shipped();
    let theirs = jpholiday::jpholiday::JPHoliday::new();
    let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut holidays = 0;
    while day.year() <= 2029 {
        let name = theirs.is_holiday_name(&day);
        let ours = table.get(day);
        assert_eq!(ours.is_some(), name.is_some(), "{day}: ours {ours:?}, jpholiday {name:?}");
        if let (Some(ours), Some(name)) = (ours, name) {
            // jpholiday writes a substitute holiday as "春分の日 振替休日".
            let same = name == ours.name || (ours.name == "振替休日" && name.ends_with("振替休日"));
            assert!(same, "{day}: ours {}, jpholiday {name}", ours.name);
            holidays += 1;
        }
        day = day.succ_opt().unwrap();
    }
    assert_eq!(holidays, 18 + 17 + 16 + 19);
}

/// Seed 000 ⅩⅢ1: the 理由書 for a month is due on the 20th of the next month,
/// moved to the 機構's next business day. Every month of the contract, the
/// expected day found independently: jpholiday's holidays, weekends, 12/29–1/3.
#[test]
fn the_reason_deadline_of_every_contract_month() {
    use chrono::{Days, Weekday};
    use shuno::core::business_days::BusinessCalendar;
    use shuno::core::calendar::YearMonth;
    use shuno::profiles::pension::calendar::{reason_deadline, CONTRACT_START};
    let theirs = jpholiday::jpholiday::JPHoliday::new();
    let closed = |d: NaiveDate| {
        matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            || theirs.is_holiday(&d)
            || (d.month() == 12 && d.day() >= 29)
            || (d.month() == 1 && d.day() <= 3)
    };
    let calendar = BusinessCalendar::government(HolidayTable::shipped());
    let mut moved = 0;
    for i in 0..36 {
        let month: YearMonth = CONTRACT_START.plus(i);
        let next = month.plus(1);
        let mut expected = NaiveDate::from_ymd_opt(next.year, next.month, 20).unwrap();
        while closed(expected) {
            expected = expected.checked_add_days(Days::new(1)).unwrap();
        }
        moved += usize::from(expected.day() != 20);
        assert_eq!(reason_deadline(month, &calendar), Some(expected), "{month}");
    }
    assert!(moved >= 8, "weekends and holidays move some deadlines ({moved})");
    // 2027-02's falls on Sat 03-20, then 春分の日 (Sun) and its 振替休日: Tue 03-23.
    let feb = "2027-02".parse::<YearMonth>().unwrap();
    assert_eq!(reason_deadline(feb, &calendar), NaiveDate::from_ymd_opt(2027, 3, 23));
}
