//! Progress against the targets while the month runs: each month's calls, open
//! days and hours, the pace so far and the pace needed, and the shortfall
//! warning of seed 003 10(3):
//!
//! > 特段の事情により(1)及び(2)の件数を満たせないときは、乙は直ちに甲へ報告すること。
//!
//! 直ちに: as soon as it is clear, not at the month's end. It is clear when the
//! calls still needed exceed what the staffed lines can make in the open hours
//! left (the lines and the calls per line-hour are settings; the seed's ward
//! provides 電話回線及び電話機(2台), 16(1)①). Calls only: the other items have no
//! such duty. Every figure is an integer or an exact fraction.

use super::calendar::{CallCentreCalendar, Desk, Hours};
use super::dataset::{CallCentreDataset, Figures, MonthTargets};
use super::terms::{targets_for, TargetSource, CONTRACT};
use crate::core::calendar::YearMonth;
use crate::core::money::Exact;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// What the warning rests on: the phone lines staffed and the calls one line
/// makes in an hour (the user's figure: the seed gives none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capacity {
    pub lines: u32,
    pub calls_per_line_hour: u32,
}

impl Default for Capacity {
    fn default() -> Capacity {
        Capacity { lines: super::terms::PHONE_LINES, calls_per_line_hour: 25 }
    }
}

/// Where a month's calls stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallStatus {
    /// The target is met.
    Met,
    /// What is left fits in the open hours left.
    OnPace,
    /// 直ちに甲へ報告: the calls needed exceed what the lines can make in the hours left.
    ReportNow,
    /// The month is over, short of the target.
    Missed,
}

impl CallStatus {
    pub fn key(self) -> &'static str {
        match self {
            CallStatus::Met => "cc.status.met",
            CallStatus::OnPace => "cc.status.on_pace",
            CallStatus::ReportNow => "cc.status.report_now",
            CallStatus::Missed => "cc.status.missed",
        }
    }
}

/// One month as of a day: its targets, its open days split at the day, and
/// what was done up to and including the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthProgress {
    pub month: YearMonth,
    pub as_of: NaiveDate,
    pub targets: MonthTargets,
    pub source: TargetSource,
    /// Call-centre open days of the month, and those after the as-of day.
    pub open_days_total: u32,
    pub open_days_left: u32,
    /// Working minutes (openings less their break) of the month, and after the day.
    pub minutes_total: u32,
    pub minutes_left: u32,
    /// The figures of the month's days up to and including the as-of day.
    pub done: Figures,
}

impl MonthProgress {
    pub fn open_days_elapsed(&self) -> u32 {
        self.open_days_total - self.open_days_left
    }

    pub fn minutes_elapsed(&self) -> u32 {
        self.minutes_total - self.minutes_left
    }

    /// Calls still to make for the target (0 once it is met).
    pub fn calls_gap(&self) -> i64 {
        (self.targets.calls - self.done.calls).max(0)
    }

    /// The gap over the open days left, rounded up; 0 once the target is met;
    /// `None` when calls are still due and no open day is left.
    pub fn calls_needed_per_open_day(&self) -> Option<i64> {
        let gap = self.calls_gap();
        match (gap, self.open_days_left) {
            (0, _) => Some(0),
            (_, 0) => None,
            (gap, days) => Some((gap + i64::from(days) - 1) / i64::from(days)),
        }
    }

    /// The gap per open hour left (exact); `None` as above.
    pub fn calls_needed_per_hour(&self) -> Option<Exact> {
        let gap = self.calls_gap();
        match (gap, self.minutes_left) {
            (0, _) => Some(Exact::from_integer(0)),
            (_, 0) => None,
            (gap, minutes) => Some(Exact::new(i128::from(gap) * 60, i128::from(minutes))),
        }
    }

    /// Calls made per open day so far (`None` before the first open day).
    pub fn pace_per_open_day(&self) -> Option<Exact> {
        let days = self.open_days_elapsed();
        (days > 0).then(|| Exact::new(i128::from(self.done.calls), i128::from(days)))
    }

    /// Calls made per open hour so far.
    pub fn pace_per_hour(&self) -> Option<Exact> {
        let minutes = self.minutes_elapsed();
        (minutes > 0).then(|| Exact::new(i128::from(self.done.calls) * 60, i128::from(minutes)))
    }

    /// What the lines can still make this month: lines × calls per line-hour ×
    /// hours left (exact).
    pub fn capacity_left(&self, capacity: Capacity) -> Exact {
        let per_hour = i128::from(capacity.lines) * i128::from(capacity.calls_per_line_hour);
        Exact::new(per_hour * i128::from(self.minutes_left), 60)
    }

    /// Where the calls stand: the warning fires when the gap exceeds the
    /// capacity left, in integers (gap × 60 > lines × rate × minutes left).
    pub fn status(&self, capacity: Capacity) -> CallStatus {
        let gap = self.calls_gap();
        let over = Exact::from_integer(i128::from(gap)) > self.capacity_left(capacity);
        match (gap, self.open_days_left) {
            (0, _) => CallStatus::Met,
            (_, 0) if self.as_of >= self.month.last_day() => CallStatus::Missed,
            _ if over => CallStatus::ReportNow,
            _ => CallStatus::OnPace,
        }
    }
}

/// The month of `as_of` as of the end of that day.
pub fn month_progress(
    data: &CallCentreDataset,
    calendar: &CallCentreCalendar,
    as_of: NaiveDate,
) -> MonthProgress {
    month_progress_at(data, calendar, YearMonth::of(as_of), as_of)
}

/// `month` as of the end of `as_of` (a day before the month: nothing done yet).
fn month_progress_at(
    data: &CallCentreDataset,
    calendar: &CallCentreCalendar,
    month: YearMonth,
    as_of: NaiveDate,
) -> MonthProgress {
    let (targets, source) = targets_for(data, month);
    let open: Vec<(NaiveDate, Hours)> =
        calendar.open_days(Desk::CallCentre, month.first_day(), month.last_day());
    let left: Vec<&(NaiveDate, Hours)> = open.iter().filter(|(d, _)| *d > as_of).collect();
    let minutes =
        |days: &mut dyn Iterator<Item = &(NaiveDate, Hours)>| days.map(|(_, h)| h.working_minutes()).sum();
    let days = data.days.iter().filter(|d| d.date >= month.first_day() && d.date <= as_of);
    MonthProgress {
        month,
        as_of,
        targets,
        source,
        open_days_total: open.len() as u32,
        open_days_left: left.len() as u32,
        minutes_total: minutes(&mut open.iter()),
        minutes_left: minutes(&mut left.into_iter()),
        done: Figures::total(days.map(|d| &d.figures)),
    }
}

/// A month's calls as recorded at its end (or as of now for the running month),
/// with the first day the warning held: the shortfall record that stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthRecord {
    pub progress: MonthProgress,
    pub status: CallStatus,
    /// Calls short of the target at the as-of day (0 when met).
    pub shortfall: i64,
    /// The first day, at its close, the warning held (the month's first day
    /// when the target never fitted the lines).
    pub warned_on: Option<NaiveDate>,
}

/// Every contract month up to the month of `as_of`: each complete month at its
/// last day, the running month at `as_of`.
pub fn month_records(
    data: &CallCentreDataset,
    calendar: &CallCentreCalendar,
    capacity: Capacity,
    as_of: NaiveDate,
) -> Vec<MonthRecord> {
    CONTRACT
        .months()
        .filter(|m| m.first_day() <= as_of)
        .map(|m| {
            let day = as_of.min(m.last_day());
            let progress = month_progress(data, calendar, day);
            let status = progress.status(capacity);
            let shortfall = progress.calls_gap();
            let warned_on = first_warning(data, calendar, capacity, m, day);
            MonthRecord { progress, status, shortfall, warned_on }
        })
        .collect()
}

/// The first day of `month` up to `through`, at its close, with the warning on.
fn first_warning(
    data: &CallCentreDataset,
    calendar: &CallCentreCalendar,
    capacity: Capacity,
    month: YearMonth,
    through: NaiveDate,
) -> Option<NaiveDate> {
    let before = month.first_day().checked_sub_days(Days::new(1))?;
    if month_progress_at(data, calendar, month, before).status(capacity) == CallStatus::ReportNow {
        return Some(month.first_day());
    }
    calendar
        .open_days(Desk::CallCentre, month.first_day(), through)
        .into_iter()
        .map(|(d, _)| d)
        .find(|d| month_progress(data, calendar, *d).status(capacity) == CallStatus::ReportNow)
}

/// The contract year up to a day: targets summed over the months begun
/// (seed 003 10(2): the year follows the ward's lower figures), and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearToDate {
    pub as_of: NaiveDate,
    /// Calls, SMS and entries: the targets of the months begun, whole.
    pub calls_target: i64,
    pub sms_min: i64,
    pub sms_max: i64,
    pub phone_entries_min: i64,
    pub phone_entries_max: i64,
    pub done: Figures,
    /// SMS still allowed under ※SMSの送信上限は5,000件 (negative: over it).
    pub sms_ceiling_left: i64,
    /// Persons toward 概ね6,000名 (a workload, not a target).
    pub property_check_persons_toward: i64,
}

pub fn year_to_date(data: &CallCentreDataset, as_of: NaiveDate) -> YearToDate {
    let months: Vec<MonthTargets> =
        CONTRACT.months().filter(|m| m.first_day() <= as_of).map(|m| targets_for(data, m).0).collect();
    let sum = |f: fn(&MonthTargets) -> i64| months.iter().map(f).sum::<i64>();
    let done = Figures::total(
        data.days.iter().filter(|d| d.date <= as_of && CONTRACT.contains_date(d.date)).map(|d| &d.figures),
    );
    YearToDate {
        as_of,
        calls_target: sum(|t| t.calls),
        sms_min: sum(|t| t.sms_min),
        sms_max: sum(|t| t.sms_max),
        phone_entries_min: sum(|t| t.phone_entries_min),
        phone_entries_max: sum(|t| t.phone_entries_max),
        sms_ceiling_left: super::terms::SMS_CEILING - done.sms,
        property_check_persons_toward: super::terms::PROPERTY_CHECK_PERSONS_PER_YEAR,
        done,
    }
}

/// Where a count stands against a range target (SMS 200–250, entries 1,000–1,200).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeStatus {
    Below,
    Within,
    Above,
}

pub fn range_status(count: i64, min: i64, max: i64) -> RangeStatus {
    if count < min {
        RangeStatus::Below
    } else if count > max {
        RangeStatus::Above
    } else {
        RangeStatus::Within
    }
}
