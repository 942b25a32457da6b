//! Quality: answer, promise and promise-kept rates, monthly and for the year to
//! date, and the weeks without an operator for a language (seed 003 7(4)).
//! The seed asks for the counts (8(3)① ア–ウ), not rates: these rates are the
//! product's definitions, so each keeps its numerator and denominator.

use super::calendar::{CallCentreCalendar, Desk};
use super::dataset::{CallCentreDataset, Figures, Language};
use super::terms::CONTRACT;
use crate::core::calendar::YearMonth;
use crate::core::money::Exact;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// How the log dates its 約束履行 (kept) columns: by the day the promise was made
/// (a month's kept counts then mature as payments come in) or by the day it was
/// kept. The log has one pair of columns, so this says how to read them; the
/// user chooses and the page shows the choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum KeptBasis {
    /// 約束月基準: kept promises counted in the month the promise was made.
    #[default]
    PromiseMonth,
    /// 履行月基準: kept promises counted in the month they were kept.
    KeptMonth,
}

/// A rate with what it is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    pub numerator: i64,
    pub denominator: i64,
}

impl Rate {
    /// The exact rate, or `None` on a zero denominator.
    pub fn value(self) -> Option<Exact> {
        (self.denominator != 0).then(|| Exact::new(i128::from(self.numerator), i128::from(self.denominator)))
    }
}

/// The four rates of a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rates {
    /// 応答率 = 応答件数 ÷ 架電件数.
    pub answer: Rate,
    /// 約束率 = 納付約束件数 ÷ 応答件数 (promises per call answered).
    pub promise: Rate,
    /// 履行率（件数） = 約束履行件数 ÷ 納付約束件数.
    pub kept_count: Rate,
    /// 履行率（金額） = 約束履行金額 ÷ 納付約束金額.
    pub kept_yen: Rate,
}

impl Rates {
    pub fn of(f: &Figures) -> Rates {
        let rate = |numerator, denominator| Rate { numerator, denominator };
        Rates {
            answer: rate(f.answered, f.calls),
            promise: rate(f.promises, f.answered),
            kept_count: rate(f.promises_kept, f.promises),
            kept_yen: rate(f.kept_yen, f.promised_yen),
        }
    }
}

/// Every contract month begun by `as_of` with its figures up to that day.
pub fn monthly_figures(data: &CallCentreDataset, as_of: NaiveDate) -> Vec<(YearMonth, Figures)> {
    CONTRACT
        .months()
        .filter(|m| m.first_day() <= as_of)
        .map(|m| {
            let days = data.days.iter().filter(|d| YearMonth::of(d.date) == m && d.date <= as_of);
            (m, Figures::total(days.map(|d| &d.figures)))
        })
        .collect()
}

/// A complete week (Monday to Sunday) with call-centre open days in which no
/// operator spoke some of the three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageGap {
    pub monday: NaiveDate,
    pub sunday: NaiveDate,
    pub missing: Vec<Language>,
}

/// The weeks of the contract that ended by `as_of`, had an open day, and lack a
/// language (a week still running is not judged: its days may still come).
pub fn language_gaps(
    data: &CallCentreDataset,
    calendar: &CallCentreCalendar,
    as_of: NaiveDate,
) -> Vec<LanguageGap> {
    let start = CONTRACT.first.first_day();
    let mut monday = start - Days::new(u64::from(start.weekday().num_days_from_monday()));
    let mut gaps = Vec::new();
    while let Some(sunday) = monday.checked_add_days(Days::new(6)).filter(|s| *s <= as_of) {
        let first = monday.max(start);
        let last = sunday.min(CONTRACT.last().last_day());
        if !calendar.open_days(Desk::CallCentre, first, last).is_empty() {
            let spoken: Vec<Language> = data
                .days
                .iter()
                .filter(|d| d.date >= first && d.date <= last)
                .flat_map(|d| d.languages.iter().copied())
                .collect();
            let missing: Vec<Language> =
                Language::ALL.iter().copied().filter(|l| !spoken.contains(l)).collect();
            if !missing.is_empty() {
                gaps.push(LanguageGap { monday, sunday, missing });
            }
        }
        match sunday.checked_add_days(Days::new(1)) {
            Some(next) if next <= CONTRACT.last().last_day() => monday = next,
            _ => break,
        }
    }
    gaps
}
