//! The reporting calendar (seed 000 Ⅴ3–4, ⅩⅢ1) on the shipped holidays, and
//! its iCalendar file read back by an independent parser (the icalendar crate).

use chrono::NaiveDate;
use shuno::core::business_days::{BusinessCalendar, HolidayTable};
use shuno::profiles::pension::reporting::{reporting_calendar, to_ics, Deadline, Report};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn calendar(from: &str, to: &str) -> Vec<Deadline> {
    reporting_calendar(day(from), day(to), &BusinessCalendar::government(HolidayTable::shipped()))
}

fn due(list: &[Deadline], report: Report) -> Vec<String> {
    list.iter().filter(|d| d.report == report).map(|d| d.due.to_string()).collect()
}

#[test]
fn weekly_records_on_tuesday_and_a_holiday_tuesday_moves() {
    let list = calendar("2026-09-01", "2026-11-30");
    let weekly = due(&list, Report::WeeklyRecords);
    // 2026-09-22 is 国民の休日 (between 敬老の日 and 秋分の日): Thursday 09-24,
    // since the 23rd is 秋分の日. 2026-11-03 is 文化の日: Wednesday 11-04.
    assert!(weekly.contains(&"2026-09-24".to_string()), "{weekly:?}");
    assert!(weekly.contains(&"2026-11-04".to_string()), "{weekly:?}");
    assert!(!weekly.contains(&"2026-09-22".to_string()));
    assert_eq!(weekly.len(), 13);
    let moved = list.iter().find(|d| d.due == day("2026-09-24")).unwrap();
    assert!(moved.moved);
    assert_eq!((moved.covers_from, moved.covers_to), (day("2026-09-13"), day("2026-09-19")));
}

#[test]
fn the_third_business_day_and_the_fixed_days() {
    // May 2026: Fri the 1st is the first; 4th–6th are holidays (the 6th the
    // 振替休日 of 憲法記念日 on Sunday the 3rd): Thu the 7th is the second, Fri
    // the 8th the third. January 2027: 1–3 closed, Mon the 4th is the first,
    // so Wednesday the 6th.
    let may = calendar("2026-05-01", "2026-05-31");
    assert_eq!(due(&may, Report::Form1_2), vec!["2026-05-08"]);
    assert_eq!(due(&may, Report::Form5), vec!["2026-05-08"]);
    let form5 = may.iter().find(|d| d.report == Report::Form5).unwrap();
    assert_eq!(form5.covers_from, day("2026-03-01"), "様式5 reports the month before last");
    let january = calendar("2027-01-01", "2027-01-31");
    assert_eq!(due(&january, Report::Form2), vec!["2027-01-06"]);
    // The 10th, as written: 2027-01-10 is a Sunday, and the clause does not move it.
    let tenth = january.iter().find(|d| d.report == Report::Form4).unwrap();
    assert_eq!((tenth.due, tenth.moved, tenth.written_day_closed), (day("2027-01-10"), false, true));
    assert_eq!(due(&january, Report::SelfInspection), vec!["2027-01-15"]);
    assert_eq!(due(&january, Report::SelfInspectionReport), vec!["2027-01-20"]);
    for r in Report::ALL.iter().filter(|r| **r != Report::WeeklyRecords) {
        assert_eq!(due(&january, *r).len(), 1, "{r:?} once a month");
    }
}

#[test]
fn the_ics_reads_back_with_every_deadline() {
    use icalendar::{Calendar, Component};
    let list = calendar("2026-05-01", "2026-07-31");
    let ics = to_ics(&list, day("2026-12-01"), |r| {
        format!("報告期限：{}（長い名前で75オクテットを超える行の折り返しを確かめる）", r.code())
    });
    assert!(ics.lines().all(|l| l.len() <= 75), "every line folded at 75 octets");
    let parsed: Calendar = ics.parse().expect("an independent parser reads it");
    let events: Vec<_> = parsed.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), list.len());
    for (event, deadline) in events.iter().zip(&list) {
        assert!(
            event.get_summary().unwrap().contains(deadline.report.code()),
            "the summary reads back whole"
        );
        assert!(event.get_description().unwrap().starts_with(deadline.report.clause()));
        let start = format!("{:?}", event.get_start().unwrap());
        assert_eq!(start, format!("{:?}", icalendar::DatePerhapsTime::Date(deadline.due)));
    }
}
