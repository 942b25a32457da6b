//! The call centre's demo (profile B): a synthetic daily log from 2026-04-01 to
//! [`DEMO_AS_OF`], the ward's lower figures for some months, and its Sunday
//! openings (the 2nd and 4th Sunday: invented, like every figure here). The
//! running month is behind on calls, so the shortfall warning shows; July ends
//! short, so a month-end record shows; the week of 山の日 (Tuesday 8/11) has
//! no Chinese-speaking operator. The daily log is CP932, as Excel writes it.

use super::{csv_utf8_bom, DemoFile};
use crate::core::business_days::HolidayTable;
use crate::core::calendar::YearMonth;
use crate::core::import::decode::encode_cp932;
use crate::core::import::schema::TableSpec;
use crate::core::origin::Origin;
use crate::profiles::call_centre::calendar::{CallCentreCalendar, Desk};
use crate::profiles::call_centre::dataset::{CallCentreDataset, SundayOpening};
use crate::profiles::call_centre::tables::CallCentreTable;
use crate::profiles::call_centre::terms::{seed_targets, CONTRACT};
use chrono::{Datelike, NaiveDate, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The last day of the demo's log (a Wednesday).
pub const DEMO_AS_OF: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 18) {
    Some(d) => d,
    None => panic!("a valid day"),
};

/// The ward's lower figures (seed 003 10(2)): month and calls.
const WARD_CALLS: [(i32, u32, i64); 3] = [(2026, 8, 4_800), (2026, 12, 5_000), (2027, 1, 5_000)];

/// The 2nd and 4th Sundays of every contract month.
fn sunday_openings() -> Vec<NaiveDate> {
    CONTRACT
        .months()
        .flat_map(|m| {
            [2u8, 4]
                .into_iter()
                .filter_map(move |n| NaiveDate::from_weekday_of_month_opt(m.year, m.month, Weekday::Sun, n))
        })
        .collect()
}

fn cells(values: &[i64]) -> Vec<String> {
    values.iter().map(i64::to_string).collect()
}

/// The day's operator: English on Mondays, Chinese on Tuesdays and Sundays,
/// Vietnamese on Thursdays, English and Vietnamese on Fridays.
fn languages(day: NaiveDate) -> &'static str {
    match day.weekday() {
        Weekday::Mon => "英語",
        Weekday::Tue | Weekday::Sun => "中国語",
        Weekday::Thu => "ベトナム語",
        Weekday::Fri => "英語;ベトナム語",
        _ => "",
    }
}

/// How hard a month pushes, per mille of the pace it needs: July falls short,
/// November is behind in its first half.
fn effort(day: NaiveDate) -> (i64, i64) {
    match (day.month(), day.day()) {
        (7, _) => (880, 940),
        (11, d) if d <= 18 => (700, 760),
        _ => (1_010, 1_090),
    }
}

pub fn generate(seed: u64) -> Vec<DemoFile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let sundays = sunday_openings();
    let data = CallCentreDataset {
        sunday_openings: sundays
            .iter()
            .map(|&date| SundayOpening { date, origin: Origin { file: String::new(), line: 0 } })
            .collect(),
        ..Default::default()
    };
    let calendar = CallCentreCalendar::new(HolidayTable::shipped(), true, &data);
    let target = |m: YearMonth| {
        WARD_CALLS.iter().find(|w| (w.0, w.1) == (m.year, m.month)).map_or(seed_targets(m).calls, |w| w.2)
    };
    let mut log = Vec::new();
    for month in CONTRACT.months().filter(|m| m.first_day() <= DEMO_AS_OF) {
        let open = calendar.open_days(Desk::CallCentre, month.first_day(), month.last_day());
        let minutes: i64 = open.iter().map(|(_, h)| i64::from(h.working_minutes())).sum();
        for (day, hours) in open.into_iter().filter(|(d, _)| *d <= DEMO_AS_OF) {
            let (lo, hi) = effort(day);
            let calls = target(month) * i64::from(hours.working_minutes()) * rng.random_range(lo..=hi)
                / minutes
                / 1000;
            let answered = calls * rng.random_range(370..=430) / 1000;
            let absent = calls * rng.random_range(450..=520) / 1000;
            let promises = answered * rng.random_range(180..=240) / 1000;
            let promised_yen = promises * rng.random_range(16..=24) * 1000;
            let kept = promises * rng.random_range(620..=760) / 1000;
            let kept_yen = promised_yen * kept / promises.max(1) * rng.random_range(940..=1000) / 1000;
            let back_office = calendar.hours(Desk::BackOffice, day).is_some();
            let checks = if back_office { rng.random_range(22..=34) } else { 0 };
            let persons = checks * rng.random_range(780..=900) / 1000;
            let mut row = vec![day.to_string()];
            row.extend(cells(&[
                calls,
                answered,
                absent,
                rng.random_range(20..=48),
                promises,
                promised_yen,
                kept,
                kept_yen,
                rng.random_range(9..=12),
                rng.random_range(46..=56),
                checks,
                persons,
            ]));
            row.push(languages(day).to_string());
            log.push(row);
        }
    }
    let targets: Vec<Vec<String>> = CONTRACT
        .months()
        .filter(|m| WARD_CALLS.iter().any(|w| (w.0, w.1) == (m.year, m.month)))
        .map(|m| {
            let s = seed_targets(m);
            let mut row = vec![m.to_string()];
            row.extend(cells(&[target(m), s.sms_min, s.sms_max, s.phone_entries_min, s.phone_entries_max]));
            row
        })
        .collect();
    let header = |t: CallCentreTable| t.header();
    let log_csv =
        String::from_utf8(csv_utf8_bom(&header(CallCentreTable::DailyLog), &log)).unwrap_or_default();
    let sunday_rows: Vec<Vec<String>> = sundays.iter().map(|d| vec![d.to_string()]).collect();
    vec![
        DemoFile {
            name: "daily_log.csv".into(),
            bytes: encode_cp932(log_csv.trim_start_matches('\u{FEFF}')).unwrap_or_default(),
        },
        DemoFile {
            name: "monthly_targets.csv".into(),
            bytes: csv_utf8_bom(&header(CallCentreTable::MonthlyTargets), &targets),
        },
        DemoFile {
            name: "sunday_openings.csv".into(),
            bytes: csv_utf8_bom(&header(CallCentreTable::SundayOpenings), &sunday_rows),
        },
    ]
}

pub const README: &str = "# Shūnō call-centre demo (synthetic)\n\n\
Generated by `shuno demo --profile call-centre`. Every figure is invented: a daily log from 2026-04-01 to \
2026-11-18 (CP932, as Excel writes it), the ward's lower call figures for August, December and January, and \
Sunday openings on the 2nd and 4th Sundays (invented, not the ward's calendar). No personal data.\n\n\
架空のデモデータです（日次実績・月別目標・日曜開庁日）。個人情報は含みません。日曜開庁日は架空です。\n";
