//! The shipped holiday table against an independent source: every day of
//! 2026–2029 is a holiday in our table exactly when the jpholiday crate (the
//! Cabinet Office's list and the 祝日法's rules, computed its own way) says so,
//! with the same kind of name.

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
