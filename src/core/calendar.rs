//! The contract calendar: year-months, the three settlement periods of profile A
//! (digest A1), and dates in 西暦 (2026-05) or 和暦 (令和8年5月).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar month, ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12).contains(&month).then_some(YearMonth { year, month })
    }

    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth { year: date.year(), month: date.month() }
    }

    /// Months since year 0, for arithmetic.
    pub fn index(self) -> i64 {
        self.year as i64 * 12 + (self.month as i64 - 1)
    }

    pub fn from_index(index: i64) -> YearMonth {
        YearMonth { year: index.div_euclid(12) as i32, month: (index.rem_euclid(12) + 1) as u32 }
    }

    pub fn plus(self, months: i64) -> YearMonth {
        YearMonth::from_index(self.index() + months)
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("month is 1–12")
    }

    pub fn last_day(self) -> NaiveDate {
        self.plus(1).first_day().pred_opt().expect("not the first day of time")
    }

    /// The fiscal year (April–March) the month belongs to: 2027-03 → 2026.
    pub fn fiscal_year(self) -> i32 {
        if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for YearMonth {
    type Err = String;

    /// Strict `YYYY-MM` (the command line's form; the import accepts more).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{s}' is not a month in the form YYYY-MM");
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let month = m.parse().map_err(|_| bad())?;
        YearMonth::new(year, month).ok_or_else(bad)
    }
}

/// A settlement period (各期, digest A1): twelve months, May to April.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    /// 1-based period number.
    pub number: u8,
    pub first: YearMonth,
}

impl Period {
    pub fn last(self) -> YearMonth {
        self.first.plus(11)
    }

    pub fn contains(self, month: YearMonth) -> bool {
        (self.first..=self.last()).contains(&month)
    }

    pub fn contains_date(self, date: NaiveDate) -> bool {
        self.contains(YearMonth::of(date))
    }

    pub fn months(self) -> impl Iterator<Item = YearMonth> {
        (0..12).map(move |i| self.first.plus(i))
    }
}

/// How dates are shown: 西暦 (Gregorian, 2026-05) or 和暦 (Japanese era, 令和8年5月).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateStyle {
    #[default]
    Wareki,
    Seireki,
}

/// A Japanese era (元号) with its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Era {
    pub name: &'static str,
    pub letter: char,
    pub first_day: (i32, u32, u32),
}

/// The eras a contract date can fall in, newest first.
pub const ERAS: [Era; 3] = [
    Era { name: "令和", letter: 'R', first_day: (2019, 5, 1) },
    Era { name: "平成", letter: 'H', first_day: (1989, 1, 8) },
    Era { name: "昭和", letter: 'S', first_day: (1926, 12, 25) },
];

impl Era {
    fn start(self) -> NaiveDate {
        let (y, m, d) = self.first_day;
        NaiveDate::from_ymd_opt(y, m, d).expect("era start is a valid date")
    }

    /// The Gregorian year of the era's year `n` (元年 = 1).
    pub fn gregorian_year(self, n: i32) -> i32 {
        self.first_day.0 + n - 1
    }

    pub fn by_name_or_letter(text: &str) -> Option<Era> {
        ERAS.into_iter()
            .find(|e| text == e.name || text.eq_ignore_ascii_case(e.letter.encode_utf8(&mut [0; 4])))
    }
}

/// The era a day falls in, with its era year (1 = 元年).
pub fn era_of(date: NaiveDate) -> Option<(Era, i32)> {
    ERAS.into_iter().find(|e| date >= e.start()).map(|e| (e, date.year() - e.first_day.0 + 1))
}

/// A month as the user chose to see it: `2026-05` or `令和8年5月`. A month in which an
/// era began is named by the era in force at its end (2019-05 → 令和元年5月).
pub fn format_month(month: YearMonth, style: DateStyle) -> String {
    match style {
        DateStyle::Seireki => month.to_string(),
        DateStyle::Wareki => match era_of(month.last_day()) {
            Some((era, 1)) => format!("{}元年{}月", era.name, month.month),
            Some((era, year)) => format!("{}{}年{}月", era.name, year, month.month),
            None => month.to_string(),
        },
    }
}

/// A day in the chosen style: `2026-05-01` or `令和8年5月1日`.
pub fn format_date(date: NaiveDate, style: DateStyle) -> String {
    match style {
        DateStyle::Seireki => date.format("%Y-%m-%d").to_string(),
        DateStyle::Wareki => match era_of(date) {
            Some((era, 1)) => format!("{}元年{}月{}日", era.name, date.month(), date.day()),
            Some((era, y)) => format!("{}{}年{}月{}日", era.name, y, date.month(), date.day()),
            None => date.format("%Y-%m-%d").to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        assert_eq!(ym(2026, 12).plus(1), ym(2027, 1));
        assert_eq!(ym(2027, 1).plus(-1), ym(2026, 12));
        assert_eq!(ym(2028, 2).last_day(), NaiveDate::from_ymd_opt(2028, 2, 29).unwrap());
        assert_eq!(ym(2027, 2).last_day(), NaiveDate::from_ymd_opt(2027, 2, 28).unwrap());
        assert_eq!(ym(2027, 3).fiscal_year(), 2026);
        assert_eq!(ym(2027, 4).fiscal_year(), 2027);
    }

    #[test]
    fn periods_run_may_to_april() {
        let p = Period { number: 1, first: ym(2026, 5) };
        assert_eq!(p.last(), ym(2027, 4));
        assert!(p.contains(ym(2027, 4)));
        assert!(!p.contains(ym(2027, 5)));
        assert!(!p.contains(ym(2026, 4)));
        assert_eq!(p.months().count(), 12);
    }

    #[test]
    fn wareki_and_seireki() {
        assert_eq!(format_month(ym(2026, 5), DateStyle::Wareki), "令和8年5月");
        assert_eq!(format_month(ym(2026, 5), DateStyle::Seireki), "2026-05");
        assert_eq!(format_month(ym(2019, 5), DateStyle::Wareki), "令和元年5月");
        assert_eq!(format_month(ym(2019, 4), DateStyle::Wareki), "平成31年4月");
        let d = NaiveDate::from_ymd_opt(2019, 4, 30).unwrap();
        assert_eq!(format_date(d, DateStyle::Wareki), "平成31年4月30日");
        let d = NaiveDate::from_ymd_opt(2019, 5, 1).unwrap();
        assert_eq!(format_date(d, DateStyle::Wareki), "令和元年5月1日");
    }

    #[test]
    fn strict_month_parsing() {
        assert_eq!("2026-05".parse::<YearMonth>(), Ok(ym(2026, 5)));
        assert!("2026-13".parse::<YearMonth>().is_err());
        assert!("2026-5".parse::<YearMonth>().is_err());
        assert!("R8.5".parse::<YearMonth>().is_err());
    }
}
