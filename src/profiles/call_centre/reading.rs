//! Profile B rows: typed from recognised tables, then the checks across tables
//! (one row per day, month and Sunday). A row with any problem is rejected
//! whole and listed.

use super::dataset::*;
use super::tables::{daily_log as col, CallCentreTable};
use super::terms::CONTRACT;
use super::{CallCentreProblem, CallCentreReason, Reason};
use crate::core::import::rows::RowReader;
use crate::core::import::unique::dedupe;
use crate::core::import::values::{normalize, parse_count, parse_date, parse_month, parse_yen};
use crate::unique_key;
use chrono::{Datelike, NaiveDate, Weekday};

type Row<'a> = RowReader<'a, CallCentreTable, CallCentreReason>;

fn parse_day_in_contract(text: &str) -> Result<NaiveDate, Reason> {
    let day = parse_date(text).map_err(|error| Reason::Value { error })?;
    if CONTRACT.contains_date(day) {
        Ok(day)
    } else {
        Err(CallCentreReason::OutsideContract.into())
    }
}

fn parse_sunday(text: &str) -> Result<NaiveDate, Reason> {
    let day = parse_day_in_contract(text)?;
    if day.weekday() == Weekday::Sun {
        Ok(day)
    } else {
        Err(CallCentreReason::NotASunday.into())
    }
}

/// 対応言語: names separated by ; 、 / or ・ (full width too) ("英語;中国語"); empty for none.
fn parse_languages(text: &str) -> Result<Vec<Language>, Reason> {
    let mut languages = Vec::new();
    for name in normalize(text).split([';', '、', '/', '・']).map(str::trim).filter(|n| !n.is_empty()) {
        let language = Language::parse(name).ok_or(CallCentreReason::UnknownLanguage)?;
        if !languages.contains(&language) {
            languages.push(language);
        }
    }
    languages.sort();
    Ok(languages)
}

fn add_day(data: &mut CallCentreDataset, r: &mut Row) {
    let date = r.take_with(col::DATE, parse_day_in_contract);
    let counts: Vec<Option<i64>> = [
        col::CALLS,
        col::ANSWERED,
        col::ABSENT,
        col::CALLS_RECEIVED,
        col::PROMISES,
        col::PROMISED_YEN,
        col::PROMISES_KEPT,
        col::KEPT_YEN,
        col::SMS,
        col::PHONE_ENTRIES,
        col::PROPERTY_CHECKS,
        col::PROPERTY_CHECK_PERSONS,
    ]
    .into_iter()
    .map(|i| {
        if i == col::PROMISED_YEN || i == col::KEPT_YEN {
            r.take(i, parse_yen)
        } else {
            r.take(i, parse_count)
        }
    })
    .collect();
    let languages = r.take_with(col::LANGUAGES, parse_languages);
    let (Some(date), Some(languages), Some(c)) =
        (date, languages, counts.into_iter().collect::<Option<Vec<_>>>())
    else {
        return;
    };
    let figures = Figures {
        calls: c[0],
        answered: c[1],
        absent: c[2],
        calls_received: c[3],
        promises: c[4],
        promised_yen: c[5],
        promises_kept: c[6],
        kept_yen: c[7],
        sms: c[8],
        phone_entries: c[9],
        property_checks: c[10],
        property_check_persons: c[11],
    };
    // Answered and absent are outcomes of the day's calls: together at most the
    // calls (other outcomes need not be listed, so they may add up to less).
    if figures.answered + figures.absent > figures.calls {
        let reason =
            CallCentreReason::OutcomesExceedCalls { answered: figures.answered, absent: figures.absent };
        return r.reject(col::CALLS, reason.into());
    }
    if figures.property_check_persons > figures.property_checks {
        return r.reject(col::PROPERTY_CHECK_PERSONS, CallCentreReason::PersonsExceedChecks.into());
    }
    data.days.push(DayLog { date, figures, languages, origin: r.origin() });
}

fn add_targets(data: &mut CallCentreDataset, r: &mut Row) {
    let month = r.take(0, parse_month);
    let counts: Vec<Option<i64>> = (1..=5).map(|i| r.take(i, parse_count)).collect();
    let (Some(month), Some(c)) = (month, counts.into_iter().collect::<Option<Vec<_>>>()) else {
        return;
    };
    if !CONTRACT.contains(month) {
        return r.reject(0, CallCentreReason::OutsideContract.into());
    }
    for (min, max) in [(2, 3), (4, 5)] {
        if c[min - 1] > c[max - 1] {
            return r
                .reject(max, CallCentreReason::RangeReversed { min: c[min - 1], max: c[max - 1] }.into());
        }
    }
    let targets = MonthTargets {
        month,
        calls: c[0],
        sms_min: c[1],
        sms_max: c[2],
        phone_entries_min: c[3],
        phone_entries_max: c[4],
    };
    data.targets.push(MonthTargetsRow { targets, origin: r.origin() });
}

/// Adds one row of a recognised table to the dataset, or records its problems.
pub fn add_row(data: &mut CallCentreDataset, r: &mut Row) {
    match r.table() {
        CallCentreTable::DailyLog => add_day(data, r),
        CallCentreTable::MonthlyTargets => add_targets(data, r),
        CallCentreTable::SundayOpenings => {
            if let Some(date) = r.take_with(0, parse_sunday) {
                data.sunday_openings.push(SundayOpening { date, origin: r.origin() });
            }
        }
    }
}

unique_key!(DayLog, |r| r.date, NaiveDate, r.date.to_string());
unique_key!(
    MonthTargetsRow,
    |r| r.targets.month,
    crate::core::calendar::YearMonth,
    r.targets.month.to_string()
);
unique_key!(SundayOpening, |r| r.date, NaiveDate, r.date.to_string());

/// One row per day, month and Sunday: a later twin is rejected.
pub fn cross_check(data: &mut CallCentreDataset) -> Vec<CallCentreProblem> {
    let mut problems = Vec::new();
    dedupe(&mut data.days, CallCentreTable::DailyLog, &mut problems);
    dedupe(&mut data.targets, CallCentreTable::MonthlyTargets, &mut problems);
    dedupe(&mut data.sunday_openings, CallCentreTable::SundayOpenings, &mut problems);
    data.days.sort_by_key(|d| d.date);
    data.targets.sort_by_key(|t| t.targets.month);
    data.sunday_openings.sort_by_key(|s| s.date);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::values::ValueError;

    #[test]
    fn languages_read_in_either_language_and_any_separator() {
        assert_eq!(parse_languages("英語;中国語"), Ok(vec![Language::English, Language::Chinese]));
        assert_eq!(parse_languages("vi、English／"), Ok(vec![Language::English, Language::Vietnamese]));
        assert_eq!(parse_languages("ベトナム語・en"), Ok(vec![Language::English, Language::Vietnamese]));
        assert_eq!(parse_languages(""), Ok(vec![]));
        assert_eq!(parse_languages("韓国語"), Err(CallCentreReason::UnknownLanguage.into()));
    }

    #[test]
    fn a_sunday_opening_must_be_a_sunday_of_the_contract() {
        assert!(parse_sunday("2026-04-12").is_ok());
        assert_eq!(parse_sunday("2026-04-13"), Err(CallCentreReason::NotASunday.into()));
        assert_eq!(parse_sunday("2027-04-04"), Err(CallCentreReason::OutsideContract.into()));
        assert!(matches!(parse_sunday("4/12"), Err(Reason::Value { error: ValueError::NotADate })));
    }
}
