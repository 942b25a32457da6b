//! Japanese government business days, for deadlines such as the pension
//! contract's 「当該月の翌月20日（当該日が土日祝日の場合は機構の翌営業日）」
//! (seed 000 ⅩⅢ1). A business day is not a Saturday or a Sunday, not a
//! national holiday under the 祝日法 (国民の祝日, 振替休日 and 国民の休日), and,
//! by default (a switch), not 12/29–1/3, the 行政機関の休日 of the year's end.
//!
//! Holidays are data, not rules: the table shipped with the app
//! ([`SHIPPED_VERSION`], 2026–2030) lists every holiday, substitute holidays
//! included; the 春分・秋分 dates not yet announced in the 官報 (announced each
//! February for the next year) are marked provisional. A user's own table
//! (same CSV form) replaces the shipped one for the years it covers.

use crate::core::calendar::YearMonth;
use crate::core::i18n::{msg, Message};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which shipped table is in force, shown beside every deadline.
pub const SHIPPED_VERSION: &str = "祝日表 2026–2030（2026-12-01 版; 2028–2030 の春分・秋分は暫定）";
const SHIPPED: &str = include_str!("holidays_jp.csv");

/// One holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    /// A date not yet announced officially (an equinox computed ahead).
    pub provisional: bool,
}

/// The holidays of some whole years, by date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HolidayTable {
    pub version: String,
    holidays: BTreeMap<NaiveDate, Holiday>,
}

/// A line of a holiday file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayFileError {
    /// 1-based line in the file.
    pub line: u64,
    pub value: String,
    pub reason: HolidayFileReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayFileReason {
    /// The first line is not `日付,名称[,暫定]` (or `date,name[,provisional]`).
    Header,
    NotADate,
    NoName,
    /// A date listed twice.
    Duplicate,
}

impl HolidayFileError {
    /// What is wrong and what to do, in either language.
    pub fn message(&self) -> Message {
        let key = match self.reason {
            HolidayFileReason::Header => "holidays.error.header",
            HolidayFileReason::NotADate => "holidays.error.not_a_date",
            HolidayFileReason::NoName => "holidays.error.no_name",
            HolidayFileReason::Duplicate => "holidays.error.duplicate",
        };
        msg(key).arg("line", self.line).arg("value", &self.value)
    }
}

fn is_header(cells: &[&str]) -> bool {
    matches!(cells, ["日付", "名称", ..] | ["date", "name", ..])
}

impl HolidayTable {
    /// The table shipped with the app.
    pub fn shipped() -> HolidayTable {
        // The shipped file is read by a test on every build: it has no errors.
        HolidayTable::parse(SHIPPED_VERSION, SHIPPED).unwrap_or_default()
    }

    /// Reads a holiday file: a header `日付,名称[,暫定]`, then one holiday a
    /// line (`2027-03-21,春分の日,` ; any text in the third column marks it
    /// provisional). Every bad line is listed; nothing is read from a file with one.
    pub fn parse(version: &str, text: &str) -> Result<HolidayTable, Vec<HolidayFileError>> {
        let mut errors = Vec::new();
        let mut holidays = BTreeMap::new();
        let mut lines = text.trim_start_matches('\u{FEFF}').lines().zip(1u64..);
        let error = |line, value: &str, reason| HolidayFileError { line, value: value.to_string(), reason };
        match lines.next() {
            Some((header, _)) if is_header(&header.split(',').map(str::trim).collect::<Vec<_>>()) => {}
            Some((header, line)) => return Err(vec![error(line, header, HolidayFileReason::Header)]),
            None => return Err(vec![error(1, "", HolidayFileReason::Header)]),
        }
        for (text, line) in lines.filter(|(l, _)| !l.trim().is_empty()) {
            let cells: Vec<&str> = text.split(',').map(str::trim).collect();
            let Ok(date) = NaiveDate::parse_from_str(cells[0], "%Y-%m-%d") else {
                errors.push(error(line, cells[0], HolidayFileReason::NotADate));
                continue;
            };
            let name = cells.get(1).copied().unwrap_or_default();
            if name.is_empty() {
                errors.push(error(line, text, HolidayFileReason::NoName));
                continue;
            }
            let provisional = cells.get(2).is_some_and(|c| !c.is_empty());
            let holiday = Holiday { date, name: name.to_string(), provisional };
            if holidays.insert(date, holiday).is_some() {
                errors.push(error(line, cells[0], HolidayFileReason::Duplicate));
            }
        }
        if errors.is_empty() {
            Ok(HolidayTable { version: version.to_string(), holidays })
        } else {
            Err(errors)
        }
    }

    /// This table with `user`'s holidays in place of its own for every year
    /// `user` lists.
    pub fn overlaid_with(&self, user: &HolidayTable) -> HolidayTable {
        let years: Vec<i32> = user.holidays.keys().map(|d| d.year()).collect();
        let mut holidays: BTreeMap<NaiveDate, Holiday> = self
            .holidays
            .iter()
            .filter(|(d, _)| !years.contains(&d.year()))
            .map(|(d, h)| (*d, h.clone()))
            .collect();
        holidays.extend(user.holidays.iter().map(|(d, h)| (*d, h.clone())));
        HolidayTable { version: format!("{} + {}", self.version, user.version), holidays }
    }

    pub fn get(&self, date: NaiveDate) -> Option<&Holiday> {
        self.holidays.get(&date)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Holiday> {
        self.holidays.values()
    }

    /// Whether the table lists `date`'s year (outside it, holidays are unknown).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.holidays.keys().any(|d| d.year() == date.year())
    }
}

/// Why a day is not a business day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closed<'a> {
    Weekend,
    Holiday(&'a Holiday),
    /// 12/29–1/3 (行政機関の休日に関する法律 第1条第1項第3号).
    YearEnd,
}

/// The days a government office works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCalendar {
    pub holidays: HolidayTable,
    /// 12/29–1/3 closed (the default).
    pub year_end_closed: bool,
}

impl BusinessCalendar {
    /// A government office's calendar with these holidays: 12/29–1/3 closed.
    pub fn government(holidays: HolidayTable) -> BusinessCalendar {
        BusinessCalendar { holidays, year_end_closed: true }
    }

    /// Why `date` is closed, or `None` on a business day.
    pub fn closed(&self, date: NaiveDate) -> Option<Closed<'_>> {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some(Closed::Weekend);
        }
        if let Some(h) = self.holidays.get(date) {
            return Some(Closed::Holiday(h));
        }
        let year_end = (date.month() == 12 && date.day() >= 29) || (date.month() == 1 && date.day() <= 3);
        (self.year_end_closed && year_end).then_some(Closed::YearEnd)
    }

    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        self.closed(date).is_none()
    }

    /// The `n`th business day of `month` (1 = the first), or `None` if the
    /// month has fewer (「毎月第3営業日」).
    pub fn nth_business_day(&self, month: YearMonth, n: u32) -> Option<NaiveDate> {
        let mut day = month.first_day();
        let mut count = 0;
        while day.month() == month.month {
            if self.is_business_day(day) {
                count += 1;
                if count == n {
                    return Some(day);
                }
            }
            day = day.succ_opt()?;
        }
        None
    }

    /// `date` if it is a business day, else the next one (「翌営業日」).
    pub fn on_or_after(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        // At most 12/29–1/3 plus a weekend and holidays: a few days, never unbounded.
        while !self.is_business_day(day) {
            match day.checked_add_days(Days::new(1)) {
                Some(next) => day = next,
                None => break,
            }
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_shipped_table_reads_whole() {
        let table = HolidayTable::parse(SHIPPED_VERSION, SHIPPED).expect("the shipped file has no errors");
        assert_eq!(table.iter().count(), 89);
        assert!((2026..=2030).all(|y| table.covers(d(y, 6, 1))));
        assert!(!table.covers(d(2031, 1, 1)));
    }

    #[test]
    fn equinoxes_not_yet_announced_are_provisional() {
        let table = HolidayTable::shipped();
        assert!(!table.get(d(2027, 3, 21)).unwrap().provisional, "announced in February 2026");
        assert!(table.get(d(2028, 3, 20)).unwrap().provisional);
        assert!(table.get(d(2029, 9, 24)).unwrap().provisional, "a substitute for a provisional equinox");
        let provisional: Vec<_> = table.iter().filter(|h| h.provisional).map(|h| h.name.as_str()).collect();
        assert!(
            provisional.iter().all(|n| ["春分の日", "秋分の日", "振替休日"].contains(n)),
            "{provisional:?}"
        );
    }

    #[test]
    fn the_next_business_day_skips_weekends_holidays_and_the_year_end() {
        let cal = BusinessCalendar::government(HolidayTable::shipped());
        // 2027-03-20 Sat, 21 Sun 春分の日, 22 Mon 振替休日 → Tue 23.
        assert_eq!(cal.on_or_after(d(2027, 3, 20)), d(2027, 3, 23));
        // Golden week 2026: 5/2 Sat … 5/6 振替休日 → Thu 5/7.
        assert_eq!(cal.on_or_after(d(2026, 5, 2)), d(2026, 5, 7));
        // 12/29–1/3, then 2027-01-04 is a Monday.
        assert_eq!(cal.on_or_after(d(2026, 12, 29)), d(2027, 1, 4));
        assert_eq!(cal.closed(d(2026, 12, 30)), Some(Closed::YearEnd));
        assert_eq!(cal.on_or_after(d(2026, 5, 20)), d(2026, 5, 20), "a business day is its own");
        let open = BusinessCalendar { year_end_closed: false, ..cal };
        assert_eq!(open.on_or_after(d(2026, 12, 29)), d(2026, 12, 29));
        assert_eq!(
            open.on_or_after(d(2027, 1, 1)),
            d(2027, 1, 4),
            "元日 is a holiday anyway, then a weekend"
        );
    }

    #[test]
    fn a_users_table_replaces_the_shipped_years_it_lists() {
        let user =
            HolidayTable::parse("区の休日表", "日付,名称,暫定\n2027-01-01,元日,\n2027-12-28,仕事納め,\n")
                .unwrap();
        let table = HolidayTable::shipped().overlaid_with(&user);
        assert_eq!(table.get(d(2027, 12, 28)).unwrap().name, "仕事納め");
        assert!(table.get(d(2027, 3, 21)).is_none(), "2027 is the user's year now");
        assert!(table.get(d(2026, 3, 20)).is_some(), "other years stay");
        assert!(table.version.ends_with("+ 区の休日表"));
    }

    #[test]
    fn every_bad_line_is_named() {
        let errors =
            HolidayTable::parse("x", "date,name\n2027-02-30,x\n2027-01-01,\n2027-05-03,a\n2027-05-03,b\n")
                .unwrap_err();
        let reasons: Vec<_> = errors.iter().map(|e| (e.line, e.reason)).collect();
        assert_eq!(
            reasons,
            [
                (2, HolidayFileReason::NotADate),
                (3, HolidayFileReason::NoName),
                (5, HolidayFileReason::Duplicate)
            ]
        );
        let header = HolidayTable::parse("x", "day,what\n").unwrap_err();
        assert_eq!(header[0].reason, HolidayFileReason::Header);
        assert!(errors[0].message().render(crate::core::i18n::Lang::Ja).contains("2027-02-30"));
    }
}
