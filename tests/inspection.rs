//! The monthly inspection (seed 000 ⅩⅢ), the recovery plan and rate recovery,
//! on small datasets built here. Rate recovery's n is found again by settling
//! P + n and P + n − 1 through the settlement engine: a second, independent way.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use shuno::core::business_days::{BusinessCalendar, HolidayTable};
use shuno::core::calendar::YearMonth;
use shuno::core::money::Rounding;
use shuno::core::origin::Origin;
use shuno::profiles::pension::calendar::period;
use shuno::profiles::pension::dataset::*;
use shuno::profiles::pension::rules::inspection::{
    inspect, AtRiskBasis, FilingStatus, Inspection, InspectionOptions, InspectionScope,
};
use shuno::profiles::pension::rules::rate_recovery::{promoted_months_needed, rate_recovery, LEVELS_PERCENT};
use shuno::profiles::pension::rules::recovery::{recovery_plan, spread, RecoveryShape};
use shuno::profiles::pension::rules::{evaluate, prepare, Override, Overrides, RuleOptions};
use std::collections::BTreeMap;

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn activity(office: &str, month: &str, method: &str, planned: i64, done: i64) -> Activity {
    let (office_code, method) = (office.to_string(), method.to_string());
    Activity { office_code, month: ym(month), method, planned, done, contacts: 0, origin: Origin::default() }
}

/// Office 1: 電話 short in May (first month) by 10, recovered in June (+10);
/// 文書 short in September (the as-of, last month inspected) by 5.
/// Office 2: 電話 short in July by 30 and never recovered.
fn data() -> PensionDataset {
    let mut activity_rows = Vec::new();
    for (month, phone1, letter1, phone2) in [
        ("2026-05", 90, 50, 100),
        ("2026-06", 110, 50, 100),
        ("2026-07", 100, 50, 70),
        ("2026-08", 100, 50, 100),
        ("2026-09", 100, 45, 100),
    ] {
        activity_rows.push(activity("1", month, "電話", 100, phone1));
        activity_rows.push(activity("1", month, "文書", 50, letter1));
        activity_rows.push(activity("2", month, "電話", 100, phone2));
    }
    for month in ["2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04"] {
        activity_rows.push(activity("1", month, "電話", 100, 0));
        activity_rows.push(activity("1", month, "文書", if month == "2027-04" { 0 } else { 60 }, 0));
    }
    let office = |code: &str| Office {
        code: code.into(),
        name: format!("{code}事務所"),
        prefecture: "東京都".into(),
        district: "東".into(),
        origin: Origin::default(),
    };
    PensionDataset {
        offices: vec![office("1"), office("2")],
        fees: vec![PeriodFee {
            district: "東".into(),
            period: 1,
            fee_yen: 120_000_005,
            origin: Origin::default(),
        }],
        activity: activity_rows,
        ..PensionDataset::default()
    }
}

fn run(data: &PensionDataset, scope: InspectionScope, today: &str) -> Inspection {
    let calendar = BusinessCalendar::government(HolidayTable::shipped());
    let options = InspectionOptions {
        scope,
        today: day(today),
        monthly_fee: None,
        rounding: Rounding::Truncate,
        entered: vec![],
    };
    inspect(data, period(1).unwrap(), ym("2026-09"), &calendar, &options)
}

#[test]
fn shortfalls_in_the_first_and_last_month_and_one_recovered() {
    let inspection = run(&data(), InspectionScope::PerOffice, "2026-10-01");
    let short: Vec<(&str, &str, &str, i64)> = inspection
        .shortfalls()
        .map(|r| {
            (
                r.office_code.as_deref().unwrap(),
                r.method.as_str(),
                r.month.to_string().leak() as &str,
                r.shortfall,
            )
        })
        .collect();
    assert_eq!(
        short,
        vec![("1", "電話", "2026-05", 10), ("2", "電話", "2026-07", 30), ("1", "文書", "2026-09", 5)]
    );
    // 2026-06-20 is a Saturday: the May deadline moves to Monday 06-22.
    let may = &inspection.months[0];
    assert_eq!((may.month, may.short_rows, may.deadline), (ym("2026-05"), 1, day("2026-06-22")));
    assert_eq!(inspection.shortfalls().next().unwrap().deadline, Some(day("2026-06-22")));
    assert_eq!(inspection.months.len(), 5, "May to the as-of month, no later");
    assert_eq!(inspection.months[1].status, FilingStatus::NotNeeded, "June: nothing short");

    // The recovery plan: office 1's 電話 is recovered (net 0), 文書 owes 5; office 2 owes 30.
    let plan = recovery_plan(&data(), period(1).unwrap(), &inspection, RecoveryShape::Even);
    let owed: Vec<(&str, &str, i64, usize)> = plan
        .iter()
        .map(|l| (l.office_code.as_deref().unwrap(), l.method.as_str(), l.owed, l.months.len()))
        .collect();
    assert_eq!(owed, vec![("1", "文書", 5, 7), ("2", "電話", 30, 7)]);
    let letters = &plan[0];
    assert_eq!(letters.deadline, Some(day("2026-10-20")));
    assert_eq!(letters.months.iter().map(|m| m.extra).collect::<Vec<_>>(), vec![1, 1, 1, 1, 1, 0, 0]);
    assert_eq!(letters.months[0].goal(), 61);
    let shaped = recovery_plan(&data(), period(1).unwrap(), &inspection, RecoveryShape::LikePlan);
    // 文書's plan is 60 for six months and 0 in April: April gets nothing.
    assert_eq!(shaped[0].months.last().unwrap().extra, 0);
    assert_eq!(shaped[0].months.iter().map(|m| m.extra).sum::<i64>(), 5);
}

#[test]
fn statuses_due_overdue_filed_and_late() {
    let mut d = data();
    let filing = |month: &str, filed: &str| ReasonFiling {
        month: ym(month),
        filed: day(filed),
        origin: Origin::default(),
    };
    d.reason_filings = vec![filing("2026-05", "2026-06-19"), filing("2026-07", "2026-08-21")];
    // On 2026-10-20: May filed in time; July filed a day after its deadline
    // (Thu 08-20); September's is due today.
    let inspection = run(&d, InspectionScope::PerOffice, "2026-10-20");
    let status = |m: &str| inspection.months.iter().find(|x| x.month == ym(m)).unwrap().status;
    assert_eq!(status("2026-05"), FilingStatus::Filed { on: day("2026-06-19"), late: false });
    assert_eq!(status("2026-07"), FilingStatus::Filed { on: day("2026-08-21"), late: true });
    assert_eq!(status("2026-09"), FilingStatus::Due { days_left: 0 });
    let later = run(&d, InspectionScope::PerOffice, "2026-10-23");
    let september = later.months.iter().find(|x| x.month == ym("2026-09")).unwrap();
    assert_eq!(september.status, FilingStatus::Overdue { days_over: 3 });
    // Two months withheld (July late, September overdue) at 120,000,005 ÷ 12 truncated.
    let at_risk = later.at_risk.unwrap();
    assert_eq!(
        (at_risk.basis, at_risk.monthly_yen, at_risk.withheld_yen),
        (AtRiskBasis::PeriodFeeTwelfth, 10_000_000, 20_000_000)
    );
    let calendar = BusinessCalendar::government(HolidayTable::shipped());
    let entered = InspectionOptions {
        scope: InspectionScope::PerOffice,
        today: day("2026-10-23"),
        monthly_fee: Some(7_000_000),
        rounding: Rounding::Truncate,
        // Entered on the page: September filed in time, July's day corrected.
        entered: vec![(ym("2026-09"), day("2026-10-19")), (ym("2026-07"), day("2026-08-20"))],
    };
    let with_fee = inspect(&d, period(1).unwrap(), ym("2026-09"), &calendar, &entered);
    assert_eq!(with_fee.filed.len(), 3);
    assert!(with_fee.months.iter().all(|m| !m.status.withholds_payment()));
    let at_risk = with_fee.at_risk.unwrap();
    assert_eq!(
        (at_risk.basis, at_risk.monthly_yen, at_risk.withheld_yen),
        (AtRiskBasis::EnteredMonthlyFee, 7_000_000, 0)
    );
}

#[test]
fn the_total_reading_lets_one_office_cover_another() {
    let inspection = run(&data(), InspectionScope::Total, "2026-10-01");
    // July: 電話 planned 200, done 100 + 70 = 170: short 30 in total too; May:
    // 90 + 100 against 200: short 10. June: 110 + 100 covers it.
    let short: Vec<(String, &str, i64)> =
        inspection.shortfalls().map(|r| (r.month.to_string(), r.method.as_str(), r.shortfall)).collect();
    assert_eq!(
        short,
        vec![("2026-05".into(), "電話", 10), ("2026-07".into(), "電話", 30), ("2026-09".into(), "文書", 5)]
    );
    assert!(inspection.rows.iter().all(|r| r.office_code.is_none()));
}

/// One office, one kind with a target: T = 1000, 控除 = 100, F = 50 (D = 850),
/// target 30 %, P promoted months at 2027-01.
fn rate_data(promoted: i64, target_tenths: i64) -> PensionDataset {
    let office = Office {
        code: "1".into(),
        name: "1".into(),
        prefecture: "東京都".into(),
        district: "東".into(),
        origin: Origin::default(),
    };
    let progress = Kind::ALL
        .iter()
        .map(|&kind| Progress {
            office_code: "1".into(),
            kind,
            month: ym("2027-01"),
            due_months: 1000,
            excluded_paid_months: 100,
            forced_months: 50,
            promoted_months: promoted,
            origin: Origin::default(),
        })
        .collect();
    let targets = Kind::ALL
        .iter()
        .map(|&kind| Target {
            office_code: "1".into(),
            period: 1,
            kind,
            rate_percent: Decimal::new(target_tenths, 1),
            origin: Origin::default(),
        })
        .collect();
    PensionDataset {
        offices: vec![office],
        fees: vec![PeriodFee {
            district: "東".into(),
            period: 1,
            fee_yen: 1_000_000,
            origin: Origin::default(),
        }],
        progress,
        targets,
        ..PensionDataset::default()
    }
}

/// The stepped ratio (in tenths of a percent) the settlement shows with P + n.
fn stepped_tenths(data: &PensionDataset, n: i64) -> Decimal {
    let model = prepare(data, Some(1), Some(ym("2027-01"))).unwrap();
    let overrides = Overrides(vec![Override::PromotedMonthsAdded {
        office_code: "1".into(),
        kind: Kind::Current,
        months: n,
    }]);
    let settlement = evaluate(&model, &RuleOptions::default(), &overrides).unwrap();
    settlement.offices[0].kinds[0].ratio_stepped_percent.unwrap() * Decimal::TEN
}

#[test]
fn n_reaches_each_level_and_one_less_does_not() {
    // 30 % of 850 = 255 months is 100 %. With P = 200: 80 % needs 204 (n = 4),
    // 95 % 242.25 → 243 (n = 43), 100 % n = 55, 110 % 280.5 → 281 (n = 81),
    // 120 % 306 (n = 106).
    let data = rate_data(200, 300);
    let model = prepare(&data, Some(1), Some(ym("2027-01"))).unwrap();
    let rows = rate_recovery(&model, &BTreeMap::new());
    let current: Vec<(i64, Option<i64>)> = rows
        .iter()
        .filter(|r| r.kind == Kind::Current)
        .map(|r| (r.level_percent, r.promoted_months_needed))
        .collect();
    assert_eq!(
        current,
        vec![(80, Some(4)), (95, Some(43)), (100, Some(55)), (110, Some(81)), (120, Some(106))]
    );
    assert!(rows.iter().all(|r| r.remaining_months == 3 && r.reachable));
    assert_eq!(rows[2].per_remaining_month, Some(19), "55 over February to April");
    for (level, n) in current {
        let n = n.unwrap();
        let level_tenths = Decimal::from(level * 10);
        assert!(stepped_tenths(&data, n) >= level_tenths, "{level} % at n = {n}");
        assert!(stepped_tenths(&data, n - 1) < level_tenths, "{level} % at n − 1 = {}", n - 1);
    }
}

#[test]
fn above_a_level_needs_nothing_and_beyond_the_denominator_is_unreachable() {
    let data = rate_data(800, 300);
    let model = prepare(&data, Some(1), Some(ym("2027-01"))).unwrap();
    assert!(rate_recovery(&model, &BTreeMap::new()).iter().all(|r| r.promoted_months_needed == Some(0)));
    // Target 90 %: 120 % is 918 of 850 months.
    let data = rate_data(100, 900);
    let model = prepare(&data, Some(1), Some(ym("2027-01"))).unwrap();
    let top = rate_recovery(&model, &BTreeMap::new()).into_iter().find(|r| r.level_percent == 120).unwrap();
    assert_eq!((top.promoted_months_needed, top.reachable), (Some(818), false));
}

proptest! {
    #[test]
    fn n_is_the_least_that_reaches_the_level(
        promoted in 0i64..850,
        target_tenths in 1i64..=1000,
        level in prop::sample::select(LEVELS_PERCENT.to_vec()),
    ) {
        // The data as read stays plausible (ratio ≤ 300 %, #13 fix h).
        prop_assume!(promoted * 1000 <= 3 * target_tenths * 850);
        let data = rate_data(promoted, target_tenths);
        let model = prepare(&data, Some(1), Some(ym("2027-01"))).unwrap();
        let n = promoted_months_needed(&model.offices[0].kinds[0], level).unwrap();
        let level_tenths = Decimal::from(level * 10);
        // Overrides may go past the denominator only in what-ifs that keep P + n ≤ D.
        if promoted + n <= 850 {
            prop_assert!(stepped_tenths(&data, n) >= level_tenths);
        }
        if n > 0 && promoted + n - 1 <= 850 {
            prop_assert!(stepped_tenths(&data, n - 1) < level_tenths);
        }
    }

    #[test]
    fn a_spread_adds_up_and_never_goes_negative(
        owed in 0i64..100_000,
        planned in prop::collection::vec(0i64..5_000, 0..12),
        like_plan in any::<bool>(),
    ) {
        let shape = if like_plan { RecoveryShape::LikePlan } else { RecoveryShape::Even };
        let s = spread(owed, &planned, shape);
        prop_assert_eq!(s.len(), planned.len());
        prop_assert!(s.iter().all(|x| *x >= 0));
        if !planned.is_empty() {
            prop_assert_eq!(s.iter().sum::<i64>(), owed);
            let (min, max) = (s.iter().min().unwrap(), s.iter().max().unwrap());
            if shape == RecoveryShape::Even {
                prop_assert!(max - min <= 1, "even: {:?}", s);
            }
        }
    }
}

/// Check ① (ⅩⅢ2(3)①): each reported count against the records' actions of its
/// method less the letters returned, on files read by the import.
#[test]
fn check_one_sets_each_reported_count_beside_the_records() {
    use shuno::core::import::schema::TableSpec;
    use shuno::core::import::{import, SourceFile};
    use shuno::profiles::pension::records::promoted::promoted_table;
    use shuno::profiles::pension::rules::activity_check::activity_check;
    use shuno::profiles::pension::tables::PensionTable;
    use shuno::profiles::pension::Pension;
    let offices = PensionTable::Offices.example_file();
    let activity = "事務所コード,年月,督励手法,計画件数,実施件数,接触件数\n\
                    90101,2026-06,電話,3,2,1\n90101,2026-06,文書,3,1,1\n90101,2026-06,訪問,5,5,0\n\
                    90101,2026-06,FAX,1,1,0\n90102,2026-06,電話,1,1,0\n";
    let contacts = "基礎年金番号,事務所コード,督励日,督励手法,結果\n\
                    9999-000001,90101,2026-06-10,電話,本人接触\n9999-000002,90101,2026-06-11,電話,不在\n\
                    9999-000003,90101,2026-06-12,文書,送付\n9999-000004,90101,2026-06-12,文書,返戻\n";
    let report = import::<Pension>(&[
        SourceFile { name: "offices.csv", bytes: offices.as_bytes(), encoding: None },
        SourceFile { name: "activity.csv", bytes: activity.as_bytes(), encoding: None },
        SourceFile { name: "contacts.csv", bytes: contacts.as_bytes(), encoding: None },
    ]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let checks = activity_check(&report.dataset, &promoted_table(&report.private, None));
    let seen: Vec<(&str, &str, i64, Option<i64>, bool)> = checks
        .iter()
        .map(|c| (c.office_code.as_str(), c.method.as_str(), c.reported_done, c.from_records, c.agrees()))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("90101", "電話", 2, Some(2), true),
            ("90101", "文書", 1, Some(1), true),
            ("90101", "訪問", 5, Some(0), false),
            ("90101", "FAX", 1, None, false),
        ],
        "90102 has no records: not checked"
    );
    assert_eq!(checks[1].returned_letters, 1);
}
