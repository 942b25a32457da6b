//! The time slot a debtor is called and visited in, set per debtor in list
//! column ⑨ (電話連絡及び現地調査実施時間帯区分, seed 004 別添 ⑨欄):
//!
//! > a 平日の夕方・夜間(18:30～21:00)、土日の日中(8:30～18:30)及び土日の夕方・夜間(18:30～21:00)
//! > b 平日の日中(8:30～18:30)
//!
//! Both ends are inclusive, to the minute: 18:30 fits a and b, 18:29 only b,
//! 21:00 only a. A weekday national holiday counts as a weekend by default (a
//! switch): the seed says 平日 and 土日 only.

use crate::core::business_days::HolidayTable;
use chrono::{Datelike, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Slot {
    /// a: weekday evenings 18:30–21:00, weekends 8:30–21:00.
    A,
    /// b: weekdays 8:30–18:30.
    B,
}

const fn minutes(h: u32, m: u32) -> u32 {
    h * 60 + m
}

/// How a day is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Weekday,
    Weekend,
}

/// Saturday and Sunday are weekends; a weekday holiday too when
/// `holidays_as_weekend` (the default).
pub fn day_kind(at: NaiveDateTime, holidays: &HolidayTable, holidays_as_weekend: bool) -> DayKind {
    let day = at.date();
    let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
        || (holidays_as_weekend && holidays.get(day).is_some());
    if weekend {
        DayKind::Weekend
    } else {
        DayKind::Weekday
    }
}

impl Slot {
    /// The slot's window on a kind of day, in minutes after midnight, both ends
    /// included; `None` when the slot has none that day.
    pub fn window(self, kind: DayKind) -> Option<(u32, u32)> {
        match (self, kind) {
            (Slot::A, DayKind::Weekday) => Some((minutes(18, 30), minutes(21, 0))),
            (Slot::A, DayKind::Weekend) => Some((minutes(8, 30), minutes(21, 0))),
            (Slot::B, DayKind::Weekday) => Some((minutes(8, 30), minutes(18, 30))),
            (Slot::B, DayKind::Weekend) => None,
        }
    }

    /// Whether a call or visit at `at` (to the minute) is in the slot.
    pub fn fits(self, at: NaiveDateTime, kind: DayKind) -> bool {
        let t: NaiveTime = at.time();
        let m = t.hour() * 60 + t.minute();
        self.window(kind).is_some_and(|(from, to)| (from..=to).contains(&m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap()
    }

    #[test]
    fn the_edges_to_the_minute_on_a_weekday_a_saturday_and_a_weekday_holiday() {
        let holidays = HolidayTable::shipped();
        let times = [(18, 29), (18, 30), (21, 0), (21, 1)];
        // (a, b) at each time: on a weekday, and on a weekend day.
        let weekday = [(false, true), (true, true), (true, false), (false, false)];
        let weekend = [(true, false), (true, false), (true, false), (false, false)];
        // 2026-11-18 Wednesday; 2026-11-21 Saturday; 2026-11-23 Monday, 勤労感謝の日.
        for (i, (h, m)) in times.into_iter().enumerate() {
            let fits = |x: NaiveDateTime, holidays_as_weekend: bool| {
                let kind = day_kind(x, &holidays, holidays_as_weekend);
                (Slot::A.fits(x, kind), Slot::B.fits(x, kind))
            };
            assert_eq!(fits(at(2026, 11, 18, h, m), true), weekday[i], "{h}:{m:02} weekday");
            assert_eq!(fits(at(2026, 11, 21, h, m), true), weekend[i], "{h}:{m:02} Saturday");
            assert_eq!(
                fits(at(2026, 11, 23, h, m), true),
                weekend[i],
                "{h}:{m:02} holiday (a weekend, default)"
            );
            assert_eq!(fits(at(2026, 11, 23, h, m), false), weekday[i], "{h}:{m:02} holiday as a weekday");
        }
    }
}
