//! What the app's pages and the CLI show, in one call: the options in force and
//! everything computed from the dataset as of a day.

use super::calendar::CallCentreCalendar;
use super::dataset::CallCentreDataset;
use super::deadlines::{deadlines, Deadline};
use super::progress::{month_records, year_to_date, Capacity, MonthProgress, MonthRecord, YearToDate};
use super::quality::{language_gaps, monthly_figures, KeptBasis, LanguageGap, Rates};
use super::terms::CONTRACT;
use crate::core::business_days::HolidayTable;
use crate::core::calendar::YearMonth;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The choices the seed leaves open, each visible and switchable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// 12/29–1/3 closed (the ward office's calendar: an inference, on by default).
    pub year_end_closed: bool,
    pub capacity: Capacity,
    pub kept_basis: KeptBasis,
    /// The monthly report's deadline: the nth ward business day of the next
    /// month (the seed sets none).
    pub report_day: Option<u32>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            year_end_closed: true,
            capacity: Capacity::default(),
            kept_basis: KeptBasis::default(),
            report_day: None,
        }
    }
}

/// The pace of the as-of day's month, as `shuno pace --format json` prints it:
/// counts of call-centre open days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pace {
    pub month: YearMonth,
    pub open_days_total: u32,
    /// Open days after the as-of day.
    pub open_days_left: u32,
    pub calls_target: i64,
    /// Calls of the month's days up to and including the as-of day.
    pub calls_done: i64,
    /// The gap over the days left, rounded up; 0 once met; `null` when calls are
    /// due and no open day is left.
    pub calls_needed_per_open_day: Option<i64>,
}

/// Everything the profile shows, as of a day (`shuno call-status`'s JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overview {
    pub as_of: NaiveDate,
    pub options: Options,
    /// Each month begun, the running one last.
    pub months: Vec<MonthRecord>,
    pub year: YearToDate,
    pub monthly_rates: Vec<(YearMonth, Rates)>,
    pub year_rates: Rates,
    pub language_gaps: Vec<LanguageGap>,
    pub deadlines: Vec<Deadline>,
}

impl Overview {
    /// The month of the as-of day.
    pub fn current(&self) -> Option<&MonthRecord> {
        self.months.last()
    }
}

/// The calendar of the options.
pub fn calendar(data: &CallCentreDataset, holidays: HolidayTable, options: &Options) -> CallCentreCalendar {
    CallCentreCalendar::new(holidays, options.year_end_closed, data)
}

impl Pace {
    /// The pace of a month as of its day.
    pub fn of(p: &MonthProgress) -> Pace {
        Pace {
            month: p.month,
            open_days_total: p.open_days_total,
            open_days_left: p.open_days_left,
            calls_target: p.targets.calls,
            calls_done: p.done.calls,
            calls_needed_per_open_day: p.calls_needed_per_open_day(),
        }
    }
}

/// The day the data reaches: the last logged day in the contract, else its first day.
pub fn latest_day(data: &CallCentreDataset) -> NaiveDate {
    data.days.iter().map(|d| d.date).max().unwrap_or(CONTRACT.first.first_day())
}

/// Everything, as of `as_of` (clamped into the contract).
pub fn overview(
    data: &CallCentreDataset,
    holidays: HolidayTable,
    options: Options,
    as_of: NaiveDate,
) -> Overview {
    let as_of = as_of.clamp(CONTRACT.first.first_day(), CONTRACT.last().last_day());
    let calendar = calendar(data, holidays, &options);
    let months = month_records(data, &calendar, options.capacity, as_of);
    let year = year_to_date(data, as_of);
    let monthly_rates = monthly_figures(data, as_of).iter().map(|(m, f)| (*m, Rates::of(f))).collect();
    Overview {
        as_of,
        options,
        year_rates: Rates::of(&year.done),
        months,
        year,
        monthly_rates,
        language_gaps: language_gaps(data, &calendar, as_of),
        deadlines: deadlines(&calendar.business, options.report_day),
    }
}
