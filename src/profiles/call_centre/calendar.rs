//! The two calendars of profile B, built on the core's business days: the call
//! centre's open days and hours, and the back office's (seed 003 5).
//!
//! > (1) 開設日: 祝祭日を除く月曜日～金曜日、日曜開庁日（区役所の開庁日に準ずる）
//! > (2) ①コールセンター 通常（日曜開庁日含）9時～17時 ただし、水曜日は13時～19時
//! > ②滞納処分関連補助業務作業時間 日曜開庁日を除く9時～16時
//! > ※①②とも、開設時間には休憩1時間を含むものとする。
//!
//! 12/29–1/3 are closed by default: not the seed's words but the ward office's
//! own calendar (区役所の開庁日に準ずる), an inference the user can switch off.

use super::dataset::CallCentreDataset;
use crate::core::business_days::{BusinessCalendar, HolidayTable};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Who works: the call centre (電話催告・受電) or the back office (滞納処分関連補助業務).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Desk {
    CallCentre,
    BackOffice,
}

/// The break every opening includes (休憩1時間を含む).
pub const BREAK_MINUTES: u32 = 60;

/// A day's opening, in minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hours {
    pub open: u32,
    pub close: u32,
}

impl Hours {
    const fn from_hours(open: u32, close: u32) -> Hours {
        Hours { open: open * 60, close: close * 60 }
    }

    /// The minutes staffed for work: the opening less its 1-hour break.
    pub fn working_minutes(self) -> u32 {
        self.close - self.open - BREAK_MINUTES
    }

    /// "9:00–17:00".
    pub fn label(self) -> String {
        format!("{}:{:02}–{}:{:02}", self.open / 60, self.open % 60, self.close / 60, self.close % 60)
    }
}

/// 通常 9時～17時.
pub const CALL_CENTRE_HOURS: Hours = Hours::from_hours(9, 17);
/// ただし、水曜日は13時～19時.
pub const WEDNESDAY_HOURS: Hours = Hours::from_hours(13, 19);
/// 滞納処分関連補助業務作業時間 9時～16時.
pub const BACK_OFFICE_HOURS: Hours = Hours::from_hours(9, 16);

/// Why the call centre is open on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Opening {
    /// 祝祭日を除く月曜日～金曜日.
    Weekday,
    /// 日曜開庁日.
    SundayOpening,
}

/// The open days and hours of both desks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallCentreCalendar {
    pub business: BusinessCalendar,
    pub sunday_openings: BTreeSet<NaiveDate>,
}

impl CallCentreCalendar {
    /// The calendar of `holidays`, with 12/29–1/3 closed or open, and the
    /// dataset's Sunday openings.
    pub fn new(
        holidays: HolidayTable,
        year_end_closed: bool,
        data: &CallCentreDataset,
    ) -> CallCentreCalendar {
        CallCentreCalendar {
            business: BusinessCalendar { holidays, year_end_closed },
            sunday_openings: data.sunday_openings.iter().map(|s| s.date).collect(),
        }
    }

    /// Why the call centre is open on `date`, or `None` when it is closed.
    pub fn opening(&self, date: NaiveDate) -> Option<Opening> {
        if self.sunday_openings.contains(&date) {
            Some(Opening::SundayOpening)
        } else {
            self.business.is_business_day(date).then_some(Opening::Weekday)
        }
    }

    /// The desk's hours on `date`, or `None` when it is closed.
    pub fn hours(&self, desk: Desk, date: NaiveDate) -> Option<Hours> {
        match (desk, self.opening(date)?) {
            (Desk::CallCentre, Opening::Weekday) if date.weekday() == Weekday::Wed => Some(WEDNESDAY_HOURS),
            (Desk::CallCentre, _) => Some(CALL_CENTRE_HOURS),
            (Desk::BackOffice, Opening::Weekday) => Some(BACK_OFFICE_HOURS),
            (Desk::BackOffice, Opening::SundayOpening) => None,
        }
    }

    /// The desk's open days from `first` to `last`, both included, with their hours.
    pub fn open_days(&self, desk: Desk, first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, Hours)> {
        let mut days = Vec::new();
        let mut day = first;
        while day <= last {
            if let Some(hours) = self.hours(desk, day) {
                days.push((day, hours));
            }
            match day.checked_add_days(Days::new(1)) {
                Some(next) => day = next,
                None => break,
            }
        }
        days
    }
}
