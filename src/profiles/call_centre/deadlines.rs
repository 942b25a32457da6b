//! The contractor's dated duties of profile B (seed 003), each with its clause:
//!
//! - the month's staff roster: 乙は当該月の勤務計画表を前月25日までに甲へ提出する (7(8));
//! - the invoice: 乙は翌月の月末までに請求を行う (6): by the end of the month
//!   after the month served (inspected);
//! - the review meeting: 月に1回程度実施する…定例報告会の議事録を作成する (8(4)):
//!   once in each month, with minutes; the seed sets no day;
//! - the monthly report: the seed sets no deadline (8(3)①), so it is a setting
//!   (the nth ward business day of the next month, or none).
//!
//! A day the ward is closed is not moved (the seed says 「までに」): the list
//! names the last ward business day before it, to hand it in on.

use super::terms::CONTRACT;
use crate::core::business_days::BusinessCalendar;
use crate::core::calendar::YearMonth;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// 勤務計画表 (7(8)).
    Roster,
    /// 請求書 (6).
    Invoice,
    /// 定例報告会・議事録 (8(4)): within the month.
    Meeting,
    /// 月報 (8(3)①): the user's deadline.
    MonthlyReport,
}

impl Duty {
    pub fn key(self) -> &'static str {
        match self {
            Duty::Roster => "cc.duty.roster",
            Duty::Invoice => "cc.duty.invoice",
            Duty::Meeting => "cc.duty.meeting",
            Duty::MonthlyReport => "cc.duty.monthly_report",
        }
    }
}

/// One dated duty for one contract month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub duty: Duty,
    /// The contract month it is for.
    pub month: YearMonth,
    /// The last day (for a meeting, the month's last day).
    pub due: NaiveDate,
    /// The ward's last business day on or before `due`, when `due` is closed.
    pub hand_in_by: Option<NaiveDate>,
}

/// The last ward business day on or before `day`.
fn on_or_before(calendar: &BusinessCalendar, day: NaiveDate) -> NaiveDate {
    let mut d = day;
    for _ in 0..14 {
        if calendar.is_business_day(d) {
            return d;
        }
        match d.checked_sub_days(Days::new(1)) {
            Some(prev) => d = prev,
            None => break,
        }
    }
    d
}

/// Every duty of the contract, in date order; `report_day` is the monthly
/// report's nth business day of the next month (`None`: not set).
pub fn deadlines(calendar: &BusinessCalendar, report_day: Option<u32>) -> Vec<Deadline> {
    let mut list = Vec::new();
    for month in CONTRACT.months() {
        let mut push = |duty, due: NaiveDate| {
            let hand_in_by = (!calendar.is_business_day(due)).then(|| on_or_before(calendar, due));
            list.push(Deadline { duty, month, due, hand_in_by });
        };
        if let Some(roster) = month.plus(-1).first_day().checked_add_days(Days::new(24)) {
            push(Duty::Roster, roster);
        }
        push(Duty::Invoice, month.plus(1).last_day());
        push(Duty::Meeting, month.last_day());
        if let Some(day) = report_day.and_then(|n| calendar.nth_business_day(month.plus(1), n)) {
            push(Duty::MonthlyReport, day);
        }
    }
    list.sort_by_key(|d| (d.due, d.duty as u8));
    list
}
