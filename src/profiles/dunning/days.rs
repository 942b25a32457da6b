//! Counting the dunning duties' days the 民法 way. Days are calendar days.
//!
//! > 民法第140条: 日、週、月又は年によって期間を定めたときは、期間の初日は、算入しない。
//! > 民法第143条2項: 週、月又は年の初めから期間を起算しないときは、その期間は、最後の週、
//! > 月又は年においてその起算日に応当する日の前日に満了する。ただし、月又は年によって期間を
//! > 定めた場合において、最後の月に応当する日がないときは、その月の末日に満了する。
//!
//! Day 0 is the trigger (the list handover, the sending, the return); "within
//! 2 weeks" ends on day 14. "2 months after 12-31" ends on 02-28 (02-29 in a
//! leap year).

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// How a period of months ends.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum MonthsReading {
    /// 民法143条 (in force): the day before the 起算日's (trigger + 1) day n
    /// months later, or that month's end when it has no such day. A trigger on
    /// 11-30 gives 01-31.
    #[default]
    CivilCode,
    /// The trigger's day n months later, clamped to the month's end (the
    /// issue's gloss). A trigger on 11-30 gives 01-30; every other day agrees.
    SameDayClamped,
}

/// The day `n` days after `trigger` (day 0 is the trigger, 民法140条).
pub fn day_after(trigger: NaiveDate, n: u32) -> Option<NaiveDate> {
    trigger.checked_add_days(Days::new(u64::from(n)))
}

/// The days from `trigger` to `day` (day 0 on the trigger; negative before it).
pub fn day_number(trigger: NaiveDate, day: NaiveDate) -> i64 {
    (day - trigger).num_days()
}

/// The day `day` of the month `months` after `(year, month)`, or `None` when that
/// month has no such day.
fn same_day(year: i32, month: u32, months: u32, day: u32) -> Option<NaiveDate> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(months);
    NaiveDate::from_ymd_opt(i32::try_from(index.div_euclid(12)).ok()?, (index.rem_euclid(12) + 1) as u32, day)
}

fn month_end(year: i32, month: u32, months: u32) -> Option<NaiveDate> {
    let first = same_day(year, month, months, 1)?;
    let next = same_day(first.year(), first.month(), 1, 1)?;
    next.pred_opt()
}

/// The last day of a period of `months` months from `trigger`.
pub fn months_after(trigger: NaiveDate, months: u32, reading: MonthsReading) -> Option<NaiveDate> {
    match reading {
        MonthsReading::CivilCode => {
            let start = trigger.succ_opt()?;
            match same_day(start.year(), start.month(), months, start.day()) {
                Some(day) => day.pred_opt(),
                None => month_end(start.year(), start.month(), months),
            }
        }
        MonthsReading::SameDayClamped => same_day(trigger.year(), trigger.month(), months, trigger.day())
            .or_else(|| month_end(trigger.year(), trigger.month(), months)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn two_months_after_new_years_eve_end_in_february() {
        for reading in [MonthsReading::CivilCode, MonthsReading::SameDayClamped] {
            assert_eq!(months_after(d(2026, 12, 31), 2, reading), Some(d(2027, 2, 28)));
            assert_eq!(months_after(d(2027, 12, 31), 2, reading), Some(d(2028, 2, 29)));
            assert_eq!(months_after(d(2026, 12, 30), 2, reading), Some(d(2027, 2, 28)));
            assert_eq!(months_after(d(2026, 10, 15), 2, reading), Some(d(2026, 12, 15)));
        }
    }

    #[test]
    fn the_readings_differ_only_after_a_short_months_end() {
        assert_eq!(months_after(d(2026, 11, 30), 2, MonthsReading::CivilCode), Some(d(2027, 1, 31)));
        assert_eq!(months_after(d(2026, 11, 30), 2, MonthsReading::SameDayClamped), Some(d(2027, 1, 30)));
        // Every day of 2026–2028: equal unless the trigger is a month's last day
        // and that day number is below the target month's length.
        let mut day = d(2026, 1, 1);
        while day.year() < 2029 {
            let (a, b) = (
                months_after(day, 2, MonthsReading::CivilCode).unwrap(),
                months_after(day, 2, MonthsReading::SameDayClamped).unwrap(),
            );
            let last = day.succ_opt().unwrap().day() == 1;
            assert!(a == b || (last && a > b), "{day}: {a} {b}");
            assert!(a >= b && (a - b).num_days() <= 3);
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn day_zero_is_the_trigger() {
        assert_eq!(day_after(d(2026, 8, 12), 14), Some(d(2026, 8, 26)));
        assert_eq!(day_number(d(2026, 8, 12), d(2026, 8, 27)), 15);
        assert_eq!(day_number(d(2026, 8, 12), d(2026, 8, 12)), 0);
    }
}
