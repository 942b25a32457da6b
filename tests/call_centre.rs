//! Profile B (#16): the two calendars against an independent holiday oracle
//! (jpholiday), the pace and shortfall-warning arithmetic against a second
//! computation, the SMS ceiling, the report totals, the import's refusals and
//! the shipped demo.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use shuno::core::business_days::HolidayTable;
use shuno::core::calendar::YearMonth;
use shuno::core::import::{import, SourceFile};
use shuno::core::origin::Origin;
use shuno::profiles::call_centre::calendar::{CallCentreCalendar, Desk};
use shuno::profiles::call_centre::dataset::{CallCentreDataset, DayLog, Figures, Language, SundayOpening};
use shuno::profiles::call_centre::progress::{
    month_progress, month_records, year_to_date, CallStatus, Capacity,
};
use shuno::profiles::call_centre::reports::{report_rows, ReportKind};
use shuno::profiles::call_centre::CallCentre;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn origin() -> Origin {
    Origin { file: "t.csv".into(), line: 2 }
}

fn with_sundays(sundays: &[NaiveDate]) -> CallCentreDataset {
    CallCentreDataset {
        sunday_openings: sundays.iter().map(|&date| SundayOpening { date, origin: origin() }).collect(),
        ..Default::default()
    }
}

/// The oracle's call-centre working minutes of a day: Monday–Friday not a
/// holiday (jpholiday) and not 12/29–1/3 when closed, or a Sunday opening;
/// 9–17 (13–19 on Wednesday) less a 1-hour break.
fn oracle_minutes(day: NaiveDate, sundays: &[NaiveDate], year_end_closed: bool, desk: Desk) -> u32 {
    let jp = jpholiday::jpholiday::JPHoliday::new();
    let year_end = (day.month() == 12 && day.day() >= 29) || (day.month() == 1 && day.day() <= 3);
    let weekday = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
        && jp.is_holiday_name(&day).is_none()
        && !(year_end_closed && year_end);
    match desk {
        Desk::CallCentre if sundays.contains(&day) => 7 * 60,
        Desk::CallCentre if weekday && day.weekday() == Weekday::Wed => 5 * 60,
        Desk::CallCentre | Desk::BackOffice if weekday => {
            if desk == Desk::CallCentre {
                7 * 60
            } else {
                6 * 60
            }
        }
        _ => 0,
    }
}

#[test]
fn both_calendars_agree_with_the_oracle_for_every_day_of_the_contract() {
    let sundays = [d(2026, 4, 12), d(2026, 11, 22), d(2027, 1, 10), d(2026, 5, 3)];
    for year_end_closed in [true, false] {
        let cal = CallCentreCalendar::new(HolidayTable::shipped(), year_end_closed, &with_sundays(&sundays));
        let mut day = d(2026, 4, 1);
        while day <= d(2027, 3, 31) {
            for desk in [Desk::CallCentre, Desk::BackOffice] {
                let ours = cal.hours(desk, day).map_or(0, |h| h.working_minutes());
                assert_eq!(ours, oracle_minutes(day, &sundays, year_end_closed, desk), "{day} {desk:?}");
            }
            day = day.succ_opt().unwrap();
        }
    }
}

#[test]
fn the_seed_hours_and_the_edges_of_the_year() {
    let cal = CallCentreCalendar::new(HolidayTable::shipped(), true, &with_sundays(&[d(2026, 5, 3)]));
    let label = |desk, day| cal.hours(desk, day).map(|h| h.label());
    // Wednesday 13–19, other days 9–17; the back office 9–16 and never on Sunday.
    assert_eq!(label(Desk::CallCentre, d(2026, 4, 1)).as_deref(), Some("13:00–19:00"));
    assert_eq!(label(Desk::CallCentre, d(2026, 4, 2)).as_deref(), Some("9:00–17:00"));
    assert_eq!(label(Desk::BackOffice, d(2026, 4, 1)).as_deref(), Some("9:00–16:00"));
    // A Sunday opening on 憲法記念日 (the ward's table wins): call centre only.
    assert_eq!(label(Desk::CallCentre, d(2026, 5, 3)).as_deref(), Some("9:00–17:00"));
    assert_eq!(label(Desk::BackOffice, d(2026, 5, 3)), None);
    // 振替休日 2026-05-06 and 国民の休日 2026-09-22 are closed.
    assert_eq!(cal.hours(Desk::CallCentre, d(2026, 5, 6)), None);
    assert_eq!(cal.hours(Desk::CallCentre, d(2026, 9, 22)), None);
    // The year end: closed by default, open with the switch off (12/29 is a Tuesday).
    assert_eq!(cal.hours(Desk::CallCentre, d(2026, 12, 29)), None);
    let open = CallCentreCalendar::new(HolidayTable::shipped(), false, &CallCentreDataset::default());
    assert!(open.hours(Desk::CallCentre, d(2026, 12, 29)).is_some());
    assert_eq!(open.hours(Desk::CallCentre, d(2027, 1, 1)), None, "元日 stays a holiday");
    // Open days of the year, counted by hand: 261 weekdays, less 17 weekday
    // holidays (4/29, 5/4–5/6, 7/20, 8/11, 9/21–9/23, 10/12, 11/3, 11/23, 1/1,
    // 1/11, 2/11, 2/23, 3/22) and 12/29–12/31, plus the Sunday opening 5/3.
    let days = cal.open_days(Desk::CallCentre, d(2026, 4, 1), d(2027, 3, 31)).len();
    assert_eq!(days, 261 - 17 - 3 + 1);
}

fn log(day: NaiveDate, calls: i64) -> DayLog {
    DayLog {
        date: day,
        figures: Figures { calls, ..Default::default() },
        languages: vec![],
        origin: origin(),
    }
}

fn dataset(calls: &[(NaiveDate, i64)]) -> CallCentreDataset {
    CallCentreDataset { days: calls.iter().map(|&(day, c)| log(day, c)).collect(), ..Default::default() }
}

fn calendar(data: &CallCentreDataset) -> CallCentreCalendar {
    CallCentreCalendar::new(HolidayTable::shipped(), true, data)
}

#[test]
fn the_pace_of_november_2026_by_hand() {
    // November 2026: 21 weekdays less 11/3 and 11/23 = 19 open days; 4 Wednesdays.
    let data = dataset(&[(d(2026, 11, 2), 300), (d(2026, 11, 4), 200), (d(2026, 11, 30), 100)]);
    let cal = calendar(&data);
    let p = month_progress(&data, &cal, d(2026, 11, 4));
    assert_eq!((p.open_days_total, p.open_days_left, p.done.calls), (19, 17, 500));
    assert_eq!(p.minutes_total, (15 * 7 + 4 * 5) * 60);
    // (5,700 − 500) ÷ 17 = 305.88… → 306.
    assert_eq!(p.calls_needed_per_open_day(), Some(306));
    // Capacity left: 2 lines × 25 × (13 × 7 + 4 × 5 − 5 … ) hours; the gap 5,200 fits.
    assert_eq!(p.status(Capacity::default()), CallStatus::OnPace);
    assert_eq!(p.status(Capacity { lines: 1, calls_per_line_hour: 25 }), CallStatus::ReportNow);
    // The last day: nothing left, the month closed short.
    let end = month_progress(&data, &cal, d(2026, 11, 30));
    assert_eq!((end.open_days_left, end.calls_needed_per_open_day()), (0, None));
    assert_eq!(end.status(Capacity::default()), CallStatus::Missed);
    // As of a closed day (11/3, 文化の日), the days left start the day after: 18.
    assert_eq!(month_progress(&data, &cal, d(2026, 11, 3)).open_days_left, 18);
}

#[test]
fn a_met_target_needs_nothing_more() {
    let data = dataset(&[(d(2026, 6, 1), 5_700)]);
    let p = month_progress(&data, &calendar(&data), d(2026, 6, 1));
    assert_eq!(p.calls_needed_per_open_day(), Some(0));
    assert_eq!(p.status(Capacity::default()), CallStatus::Met);
}

proptest! {
    /// Pace and warning equal a second computation: days and minutes from the
    /// oracle calendar, the needed count as the least n with n × days ≥ gap, the
    /// warning as the gap above lines × rate × hours in exact rationals.
    #[test]
    fn pace_and_warning_agree_with_a_second_computation(
        month in 0i64..12,
        day_of_month in 1u32..=31,
        calls in proptest::collection::vec(0i64..600, 31),
        lines in 1u32..4,
        rate in 1u32..60,
    ) {
        let m = YearMonth { year: 2026, month: 4 }.plus(month);
        let as_of = m.first_day().checked_add_days(Days::new(u64::from(day_of_month - 1))).unwrap().min(m.last_day());
        let days: Vec<(NaiveDate, i64)> = (0..31)
            .filter_map(|i| m.first_day().checked_add_days(Days::new(i)).filter(|x| x.month() == m.month).map(|x| (x, calls[i as usize])))
            .collect();
        let data = dataset(&days);
        let p = month_progress(&data, &calendar(&data), as_of);

        let month_days: Vec<NaiveDate> = days.iter().map(|x| x.0).filter(|x| oracle_minutes(*x, &[], true, Desk::CallCentre) > 0).collect();
        let left: Vec<NaiveDate> = month_days.iter().copied().filter(|x| *x > as_of).collect();
        let done: i64 = days.iter().filter(|x| x.0 <= as_of).map(|x| x.1).sum();
        let gap = (5_700 - done).max(0);
        prop_assert_eq!(p.open_days_total as usize, month_days.len());
        prop_assert_eq!(p.open_days_left as usize, left.len());
        prop_assert_eq!(p.done.calls, done);
        let needed = if gap == 0 { Some(0) } else if left.is_empty() { None } else { (0..=gap).find(|n| n * left.len() as i64 >= gap) };
        prop_assert_eq!(p.calls_needed_per_open_day(), needed);

        let minutes_left: u32 = left.iter().map(|x| oracle_minutes(*x, &[], true, Desk::CallCentre)).sum();
        let capacity = num_rational::Ratio::new(i128::from(lines * rate) * i128::from(minutes_left), 60);
        let warn = gap > 0 && num_rational::Ratio::from_integer(i128::from(gap)) > capacity;
        let status = p.status(Capacity { lines, calls_per_line_hour: rate });
        prop_assert_eq!(status == CallStatus::ReportNow || status == CallStatus::Missed, warn);
    }
}

#[test]
fn the_warning_fires_the_day_it_is_clear_and_the_record_stays() {
    // 200 calls a day in November: by some day the rest no longer fits 2 × 25 an hour.
    let cal_data = CallCentreDataset::default();
    let cal = calendar(&cal_data);
    let days: Vec<(NaiveDate, i64)> = cal
        .open_days(Desk::CallCentre, d(2026, 11, 1), d(2026, 11, 30))
        .into_iter()
        .map(|(x, _)| (x, 200))
        .collect();
    let data = dataset(&days);
    let records = month_records(&data, &calendar(&data), Capacity::default(), d(2026, 12, 1));
    let november = records.iter().find(|r| r.progress.month == YearMonth { year: 2026, month: 11 }).unwrap();
    assert_eq!(november.status, CallStatus::Missed);
    assert_eq!(november.shortfall, 5_700 - 200 * 19);
    // The first day whose close leaves more than the lines can make: checked by brute force.
    let first = days.iter().map(|x| x.0).find(|day| {
        let p = month_progress(&data, &calendar(&data), *day);
        p.calls_gap() * 60 > 2 * 25 * i64::from(p.minutes_left)
    });
    assert_eq!(november.warned_on, first);
    assert!(first.is_some());
    // April to October had no calls: each missed, warned on a day of its own.
    assert!(records[..7].iter().all(|r| r.status == CallStatus::Missed
        && r.warned_on.is_some_and(|w| YearMonth::of(w) == r.progress.month)));
    // With one line the target never fits: warned from the month's first day.
    let one = month_records(
        &data,
        &calendar(&data),
        Capacity { lines: 1, calls_per_line_hour: 25 },
        d(2026, 12, 1),
    );
    assert_eq!(one[7].warned_on, Some(d(2026, 11, 1)));
}

#[test]
fn the_sms_ceiling_counts_every_message_of_the_contract() {
    let mut data = dataset(&[]);
    for (i, sms) in [(0u64, 2_000i64), (40, 2_999), (80, 1)] {
        let mut day = log(d(2026, 4, 1).checked_add_days(Days::new(i)).unwrap(), 0);
        day.figures.sms = sms;
        data.days.push(day);
    }
    assert_eq!(year_to_date(&data, d(2026, 4, 1)).sms_ceiling_left, 3_000);
    assert_eq!(year_to_date(&data, d(2026, 5, 11)).sms_ceiling_left, 1);
    assert_eq!(year_to_date(&data, d(2026, 6, 20)).sms_ceiling_left, 0);
    data.days[2].figures.sms = 2;
    assert_eq!(
        year_to_date(&data, d(2027, 3, 31)).sms_ceiling_left,
        -1,
        "over the ceiling shows as negative"
    );
    // The year's call target follows the ward's lower figures month by month.
    assert_eq!(year_to_date(&data, d(2026, 5, 11)).calls_target, 2 * 5_700);
}

fn demo() -> CallCentreDataset {
    let files = shuno::demo::call_centre::generate(1);
    let sources: Vec<SourceFile> =
        files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
    let report = import::<CallCentre>(&sources);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report.dataset
}

#[test]
fn the_reports_add_up_day_to_month_to_year() {
    let data = demo();
    let as_of = d(2026, 11, 18);
    let lang = shuno::core::i18n::Lang::Ja;
    let daily = report_rows(&data, ReportKind::Daily, as_of, lang);
    let monthly = report_rows(&data, ReportKind::Monthly, as_of, lang);
    let yearly = report_rows(&data, ReportKind::Yearly, as_of, lang);
    assert_eq!(daily.len(), data.days.len());
    // Each month equals its days added field by field; the total equals the months; the year equals the total.
    let (months, total) = monthly.split_at(monthly.len() - 1);
    for (cell, figures) in months {
        let shuno::core::export::Cell::Month(m) = cell else { panic!("{cell:?}") };
        let mut sum = Figures::default();
        for day in data.days.iter().filter(|x| YearMonth::of(x.date) == *m) {
            sum.calls += day.figures.calls;
            sum.kept_yen += day.figures.kept_yen;
            sum.property_check_persons += day.figures.property_check_persons;
            sum.sms += day.figures.sms;
        }
        assert_eq!((figures.calls, figures.kept_yen, figures.sms), (sum.calls, sum.kept_yen, sum.sms), "{m}");
        assert_eq!(figures.property_check_persons, sum.property_check_persons);
    }
    let by_hand: i64 = data.days.iter().map(|x| x.figures.promised_yen).sum();
    assert_eq!(total[0].1.promised_yen, by_hand);
    assert_eq!(yearly[0].1, total[0].1);
    assert_eq!(months.len(), 8);
}

#[test]
fn the_demo_has_a_missed_month_a_warning_and_language_gaps() {
    let data = demo();
    assert_eq!(data.sunday_openings.len(), 24);
    let cal = CallCentreCalendar::new(HolidayTable::shipped(), true, &data);
    let records = month_records(&data, &cal, Capacity::default(), shuno::demo::call_centre::DEMO_AS_OF);
    let status = |m: u32| records.iter().find(|r| r.progress.month.month == m).unwrap().status;
    assert_eq!(status(7), CallStatus::Missed);
    assert_eq!(status(8), CallStatus::Met, "August's lower figure (4,800) is met");
    assert_eq!(status(11), CallStatus::ReportNow);
    let gaps = shuno::profiles::call_centre::quality::language_gaps(
        &data,
        &cal,
        shuno::demo::call_centre::DEMO_AS_OF,
    );
    // The contract's first week (Wednesday to Friday) and the week of 山の日
    // (Tuesday 8/11) had no Chinese-speaking operator.
    let weeks: Vec<(NaiveDate, Vec<Language>)> = gaps.into_iter().map(|g| (g.monday, g.missing)).collect();
    assert_eq!(
        weeks,
        vec![(d(2026, 3, 30), vec![Language::Chinese]), (d(2026, 8, 10), vec![Language::Chinese])]
    );
}

#[test]
fn the_shipped_demo_is_the_generator_output_for_seed_1() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo/call-centre");
    let files = shuno::demo::call_centre::generate(1);
    for f in &files {
        let shipped = std::fs::read(format!("{dir}/{}", f.name)).unwrap();
        assert!(
            shipped == f.bytes,
            "{} is stale: run `shuno demo --profile call-centre --out {dir}`",
            f.name
        );
    }
    assert_eq!(
        std::fs::read_to_string(format!("{dir}/manifest.json")).unwrap(),
        shuno::demo::manifest(&files)
    );
}

#[test]
fn bad_rows_are_refused_and_counted() {
    let log = "日付,架電件数,応答件数,不在件数,受電件数,納付約束件数,納付約束金額,約束履行件数,約束履行金額,SMS送信件数,電話番号入力件数,財産調査件数,財産調査実人数,対応言語\n\
        2026-04-01,100,60,50,1,1,1000,0,0,0,0,0,0,英語\n\
        2026-04-02,100,40,50,1,1,1000,0,0,0,0,3,4,\n\
        2026-04-03,100,40,50,1,1,1000,0,0,0,0,3,2,韓国語\n\
        2027-04-01,100,40,50,1,1,1000,0,0,0,0,3,2,\n\
        2026-04-06,100,40,50,1,1,1000,0,0,0,0,3,2,ベトナム語\n\
        2026-04-06,90,40,50,1,1,1000,0,0,0,0,3,2,\n";
    let sundays = "日付\n2026-04-12\n2026-04-13\n";
    let targets = "年月,架電目標,SMS目標下限,SMS目標上限,電話番号入力目標下限,電話番号入力目標上限\n2026-08,4800,250,200,1000,1200\n";
    let files = [
        SourceFile { name: "log.csv", bytes: log.as_bytes(), encoding: None },
        SourceFile { name: "sun.csv", bytes: sundays.as_bytes(), encoding: None },
        SourceFile { name: "targets.csv", bytes: targets.as_bytes(), encoding: None },
    ];
    let report = import::<CallCentre>(&files);
    let (read, accepted, rejected) = report.totals();
    assert_eq!((read, accepted, rejected), (9, 2, 7));
    assert_eq!(report.dataset.days.len(), 1);
    let lines: Vec<String> = report.problems.iter().map(|p| p.render(shuno::core::i18n::Lang::En)).collect();
    let expect = [
        "log.csv:2: [daily_log] column '架電件数', value '100': answered (60) and absent (50) together exceed the calls: check the counts.",
        "log.csv:3: [daily_log] column '財産調査実人数', value '4': property-check persons exceed the property checks (persons are at most the checks).",
        "log.csv:4: [daily_log] column '対応言語', value '韓国語': a language must be English, Chinese or Vietnamese (separate several with ';').",
        "log.csv:5: [daily_log] column '日付', value '2027-04-01': outside the contract (2026-04-01 to 2027-03-31): give a day or month inside it.",
        "sun.csv:3: [sunday_openings] column '日付', value '2026-04-13': not a Sunday: the Sunday openings table lists Sundays only.",
        "targets.csv:2: [monthly_targets] column 'SMS目標上限', value '200': the lower bound 250 exceeds the upper bound 200: swap them.",
    ];
    for e in expect {
        assert!(lines.iter().any(|l| l == e), "missing {e}\n in {lines:#?}");
    }
    assert!(
        lines.iter().any(|l| l.starts_with("log.csv:7: [daily_log] column '日付', value '2026-04-06'")),
        "{lines:#?}"
    );
}

/// The worker's answer (`pages::loaded`): every page as blocks whose figures
/// are the CLI's, the three reports with their sheets, four slides; nothing
/// computed when a row was refused.
#[test]
fn the_worker_answers_every_page_as_blocks_and_nothing_for_a_lost_row() {
    use shuno::core::calendar::DateStyle;
    use shuno::core::i18n::Lang;
    use shuno::core::pages::{loaded, Block, PageRequest};
    use shuno::profiles::call_centre::reports::report_sheet;
    use shuno::profiles::call_centre::view::Options;
    let files = shuno::demo::call_centre::generate(1);
    let mut sources: Vec<SourceFile> =
        files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
    let request = PageRequest {
        options: Options::default(),
        as_of: Some(d(2026, 11, 18)),
        lang: Lang::En,
        dates: DateStyle::Seireki,
    };
    let report = import::<CallCentre>(&sources).shown();
    let answer = loaded(&report, HolidayTable::shipped(), &request);
    assert_eq!(answer.totals.0, answer.totals.1 + answer.totals.2);
    let pages = answer.pages.expect("a complete load is shown");
    assert_eq!(pages.as_of, d(2026, 11, 18));
    let figure = |id: &str| -> i64 {
        let value = pages
            .progress
            .iter()
            .filter_map(|b| if let Block::Figures(f) = b { Some(f) } else { None })
            .flatten()
            .find(|f| f.test_id == id)
            .map(|f| f.value.replace(',', ""))
            .unwrap();
        value.parse().unwrap()
    };
    // The same figures `shuno pace` prints (tests/cli_call_centre.rs).
    assert_eq!(
        (figure("cc-calls-target"), figure("cc-calls-done"), figure("cc-needed-per-day")),
        (5700, 2539, 396)
    );
    assert_eq!((figure("cc-open-days-total"), figure("cc-open-days-left")), (21, 8));
    assert_eq!(pages.reports.len(), 3);
    for r in &pages.reports {
        assert_eq!(r.sheet, report_sheet(&report.dataset, r.kind, pages.as_of, Lang::En));
    }
    assert_eq!(pages.slides.len(), 4);
    // Without a day, the last day the log reaches.
    let latest = loaded(&report, HolidayTable::shipped(), &PageRequest { as_of: None, ..request });
    assert_eq!(latest.pages.unwrap().as_of, shuno::demo::call_centre::DEMO_AS_OF);
    // A refused Sunday: the problem is listed and nothing is shown.
    let bad = "日付\n2026-04-13\n";
    sources.push(SourceFile { name: "more_sundays.csv", bytes: bad.as_bytes(), encoding: None });
    let answer = loaded(&import::<CallCentre>(&sources).shown(), HolidayTable::shipped(), &request);
    assert_eq!(answer.problems.len(), 1);
    assert!(answer.pages.is_none());
}
