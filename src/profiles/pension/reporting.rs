//! The contractor's reporting calendar (seed 000 Ⅴ3–4, ⅩⅢ1), generated from
//! the seed's rules over a range of days: weekly records every Tuesday, the
//! monthly forms by the 3rd business day or the 10th, the self-inspection by
//! the 15th and its report by the 20th. Each deadline carries its clause.

use crate::core::business_days::BusinessCalendar;
use crate::core::calendar::YearMonth;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A report the contractor owes, with the clause it comes from.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Report {
    /// 督励事蹟等の報告 (Ⅴ3(1)①): 「前週の日曜日から土曜日までの分を…毎週火曜日
    /// （当該日が祝日の場合は機構の翌営業日）に…管轄事務センターへ報告」.
    WeeklyRecords,
    /// 別添報告様式1-2 (Ⅴ4(1)): 「毎月第3営業日までに、前月の督励手法別督励実施結果」.
    Form1_2,
    /// 別添報告様式2 (Ⅴ4(1)): 曜日・時間帯・年齢層別督励実施内訳, 毎月第3営業日まで.
    Form2,
    /// 別添報告様式5 (Ⅴ4(3)): 口座振替申出書約束者リスト, 前々月分を毎月第3営業日まで.
    Form5,
    /// 別添報告様式7 (Ⅴ4(7)): 約束不履行者・接触不能者, 毎月第3営業日まで.
    Form7,
    /// 別添報告様式4 (Ⅴ4(2)): 納付拒絶者リスト, 前月分を毎月10日まで.
    Form4,
    /// 別添報告様式6 (Ⅴ4(4)): 電話番号取消者リスト, 前月分を毎月10日まで.
    Form6,
    /// 別添報告様式15 (ⅩⅢ1): 納入検査依頼書, 前月の督励実施結果を毎月10日まで.
    Form15,
    /// 自主点検 (Ⅴ4(6)): 「毎月15日までに…自主的に点検」.
    SelfInspection,
    /// 自主点検結果報告書 (Ⅴ4(6), 実施要項別紙6): 「その結果を毎月20日までに」.
    SelfInspectionReport,
}

impl Report {
    pub const ALL: &'static [Report] = <Report as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The seed clause, for the calendar and each event.
    pub fn clause(self) -> &'static str {
        match self {
            Report::WeeklyRecords => "000 Ⅴ3(1)①",
            Report::Form1_2 | Report::Form2 => "000 Ⅴ4(1)",
            Report::Form5 => "000 Ⅴ4(3)",
            Report::Form7 => "000 Ⅴ4(7)",
            Report::Form4 => "000 Ⅴ4(2)",
            Report::Form6 => "000 Ⅴ4(4)",
            Report::Form15 => "000 ⅩⅢ1",
            Report::SelfInspection | Report::SelfInspectionReport => "000 Ⅴ4(6)",
        }
    }
}

/// One deadline: the report, the day it is due, and the period it covers
/// (the week's Sunday to Saturday, or the month reported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub report: Report,
    pub due: NaiveDate,
    pub covers_from: NaiveDate,
    pub covers_to: NaiveDate,
    /// The written day was closed and the deadline moved to the next business
    /// day (the clause says so), or the written day is closed and the clause
    /// does not move it (`moved` false, `written_day_closed` true).
    pub moved: bool,
    pub written_day_closed: bool,
}

/// Every deadline due from `from` to `to` (inclusive), by day, then report.
pub fn reporting_calendar(from: NaiveDate, to: NaiveDate, calendar: &BusinessCalendar) -> Vec<Deadline> {
    let mut out = weekly(from, to, calendar);
    let mut month = YearMonth::of(from);
    while month.first_day() <= to {
        out.extend(monthly(month, calendar));
        month = month.plus(1);
    }
    out.retain(|d| (from..=to).contains(&d.due));
    out.sort_by_key(|d| (d.due, d.report));
    out
}

/// Tuesdays, moved to the next business day when closed; each covers the
/// Sunday-to-Saturday week before it.
fn weekly(from: NaiveDate, to: NaiveDate, calendar: &BusinessCalendar) -> Vec<Deadline> {
    let mut out = Vec::new();
    // Start a week early: a Tuesday moved past `from` still counts.
    let mut day = from.checked_sub_days(Days::new(7)).unwrap_or(from);
    while day.weekday() != Weekday::Tue {
        day = day.succ_opt().unwrap_or(day);
    }
    while day <= to {
        let due = calendar.on_or_after(day);
        let sunday = day.checked_sub_days(Days::new(9)).unwrap_or(day);
        let saturday = day.checked_sub_days(Days::new(3)).unwrap_or(day);
        out.push(Deadline {
            report: Report::WeeklyRecords,
            due,
            covers_from: sunday,
            covers_to: saturday,
            moved: due != day,
            written_day_closed: due != day,
        });
        match day.checked_add_days(Days::new(7)) {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

/// The monthly reports due in `month`.
fn monthly(month: YearMonth, calendar: &BusinessCalendar) -> Vec<Deadline> {
    let previous = month.plus(-1);
    let covering = |m: YearMonth| (m.first_day(), m.last_day());
    let on_day = |report, day: u32, covers: YearMonth| {
        let due = NaiveDate::from_ymd_opt(month.year, month.month, day)?;
        let (covers_from, covers_to) = covering(covers);
        let closed = !calendar.is_business_day(due);
        Some(Deadline { report, due, covers_from, covers_to, moved: false, written_day_closed: closed })
    };
    let third = calendar.nth_business_day(month, 3);
    let on_third = |report, covers: YearMonth| {
        let (covers_from, covers_to) = covering(covers);
        third.map(|due| Deadline {
            report,
            due,
            covers_from,
            covers_to,
            moved: false,
            written_day_closed: false,
        })
    };
    [
        on_third(Report::Form1_2, previous),
        on_third(Report::Form2, previous),
        on_third(Report::Form5, month.plus(-2)),
        on_third(Report::Form7, previous),
        on_day(Report::Form4, 10, previous),
        on_day(Report::Form6, 10, previous),
        on_day(Report::Form15, 10, previous),
        on_day(Report::SelfInspection, 15, month),
        on_day(Report::SelfInspectionReport, 20, month),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The calendar as iCalendar (RFC 5545): one all-day event per deadline, its
/// clause in the description. `stamp` is the DTSTAMP (the caller's clock);
/// `title` names each report in the user's language.
pub fn to_ics(deadlines: &[Deadline], stamp: NaiveDate, title: impl Fn(Report) -> String) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Shuno//reporting calendar//JA\r\nCALSCALE:GREGORIAN\r\n",
    );
    for d in deadlines {
        let day = d.due.format("%Y%m%d");
        let next = d.due.succ_opt().unwrap_or(d.due).format("%Y%m%d");
        let summary = escape(&title(d.report));
        let description = escape(&format!(
            "{} ({}: {} – {})",
            d.report.clause(),
            d.report.code(),
            d.covers_from,
            d.covers_to
        ));
        let lines = [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{day}@shuno.invalid", d.report.code()),
            format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d")),
            format!("DTSTART;VALUE=DATE:{day}"),
            format!("DTEND;VALUE=DATE:{next}"),
            format!("SUMMARY:{summary}"),
            format!("DESCRIPTION:{description}"),
            "END:VEVENT".to_string(),
        ];
        lines.iter().for_each(|l| out.push_str(&fold(l)));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// A content line folded at 75 octets (RFC 5545 §3.1), never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// TEXT escaping of RFC 5545 §3.3.11.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}
