//! The dunning blocks' pages as their worker writes them (#17): the duty
//! list row for row as `check` finds it per debt, the counts adding up to the
//! list, the reports equal to `report_sheet`, a slide per block, and nothing
//! computed when a row was refused.

use shuno::core::business_days::HolidayTable;
use shuno::core::calendar::{DateStyle, YearMonth};
use shuno::core::i18n::Lang;
use shuno::core::import::{import, SourceFile};
use shuno::core::pages::{loaded, Block, PageRequest, Table};
use shuno::demo::dunning::{generate, DEMO_AS_OF};
use shuno::profiles::dunning::duties::{check, Switches};
use shuno::profiles::dunning::pages::{Options, Pages};
use shuno::profiles::dunning::reports::{report_sheet, ReportPeriod};
use shuno::profiles::dunning::Dunning;

fn request(options: Options) -> PageRequest<Options> {
    PageRequest { options, as_of: Some(DEMO_AS_OF), lang: Lang::En, dates: DateStyle::Seireki }
}

fn pages_of(options: Options) -> (Pages, shuno::profiles::dunning::dataset::DunningDataset) {
    let files = generate(1);
    let sources: Vec<SourceFile> =
        files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
    let report = import::<Dunning>(&sources).shown();
    let answer = loaded(&report, HolidayTable::shipped(), &request(options));
    assert_eq!(answer.totals.0, answer.totals.1 + answer.totals.2);
    (answer.pages.expect("a complete load is shown"), report.dataset)
}

fn table<'a>(blocks: &'a [Block], id: &str) -> &'a Table {
    blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.test_id == id => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table {id}"))
}

#[test]
fn the_duty_list_is_every_finding_of_every_debt() {
    let (pages, data) = pages_of(Options::default());
    let holidays = HolidayTable::shipped();
    // A second path: each debt checked on its own, in the list's order.
    let expected: Vec<(String, String, String, String)> = data
        .debts_with_work()
        .iter()
        .flat_map(|(_, debt)| check(debt, &Switches::default(), &holidays, DEMO_AS_OF))
        .map(|f| {
            let day = |d: Option<chrono::NaiveDate>| d.map_or("–".to_string(), |d| d.to_string());
            let rule = serde_json::to_value(f.rule).unwrap().as_str().unwrap().to_string();
            (f.debt_id, rule, day(f.due), day(f.done))
        })
        .collect();
    let list = table(&pages.duties, "dn-duty-list");
    let shown: Vec<(String, String, String, String)> = list
        .rows
        .iter()
        .map(|(class, c)| {
            let rule = class.split(' ').next().unwrap().to_string();
            (c[0].clone(), rule, c[3].clone(), c[4].clone())
        })
        .collect();
    assert_eq!(shown, expected);
    assert!(expected.len() >= 7, "the demo breaks every rule");
    assert_eq!(pages.duty_sheet.rows.len(), expected.len());
    // The counts per block add up to the list.
    let counts = table(&pages.duties, "dn-duty-counts");
    let total: i64 =
        counts.rows.iter().map(|(_, c)| c.last().unwrap().replace(',', "").parse::<i64>().unwrap()).sum();
    assert_eq!(total as usize, expected.len());
    // A late letter is a warning (原則).
    assert!(list.rows.iter().any(|(class, _)| class == "letter_late warning"));
}

#[test]
fn a_switch_changes_the_list_and_says_so() {
    let (plain, _) = pages_of(Options::default());
    let mut options = Options::default();
    options.switches.first_call_day = 7;
    let (switched, _) = pages_of(options);
    let early = |p: &Pages| {
        table(&p.duties, "dn-duty-list").rows.iter().filter(|(c, _)| c == "first_call_early").count()
    };
    assert!(early(&switched) < early(&plain), "a call on day 7 is on time under the switch");
    let in_force = |p: &Pages| {
        let found = p.duties.iter().find_map(|b| match b {
            Block::List { test_id, items } if test_id == "dn-switches" => Some(items[0].clone()),
            _ => None,
        });
        found.expect("the switches in force are listed")
    };
    assert!(in_force(&plain).ends_with(": 8") && in_force(&switched).ends_with(": 7"));
}

#[test]
fn reports_slides_and_a_refused_row() {
    let (pages, data) = pages_of(Options { period: ReportPeriod::Quarterly, ..Options::default() });
    assert!(!pages.reports.is_empty());
    for r in &pages.reports {
        let sheet =
            report_sheet(&data, r.block, ReportPeriod::Quarterly, YearMonth::of(DEMO_AS_OF), Lang::En);
        assert_eq!(r.sheet, sheet);
    }
    assert_eq!(pages.slides.len(), pages.reports.len(), "a slide per block with debts");
    let mut files = generate(1);
    let calls = files.iter_mut().find(|f| f.name.starts_with("calls")).unwrap();
    calls.bytes.extend_from_slice(b"NO-SUCH-DEBT,2026-11-02,19:00,9\n");
    let sources: Vec<SourceFile> =
        files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
    let answer =
        loaded(&import::<Dunning>(&sources).shown(), HolidayTable::shipped(), &request(Options::default()));
    assert_eq!(answer.problems.len(), 1);
    assert!(answer.pages.is_none());
}

#[test]
fn the_shipped_demo_is_the_generator_output_for_seed_1() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo/dunning");
    let files = generate(1);
    for f in &files {
        let shipped = std::fs::read(format!("{dir}/{}", f.name)).unwrap();
        assert!(shipped == f.bytes, "{} is stale: run `shuno demo --profile dunning --out {dir}`", f.name);
    }
    assert_eq!(
        std::fs::read_to_string(format!("{dir}/manifest.json")).unwrap(),
        shuno::demo::manifest(&files)
    );
}

/// The reports owed after the work: the e-mail on the day of sending, the
/// phone report on the next open day (a ⑥ on a Friday before a Monday
/// holiday is due Tuesday), the visit report a week after the survey ends.
#[test]
fn the_reports_owed_after_the_work_have_their_days() {
    use shuno::core::business_days::BusinessCalendar;
    use shuno::profiles::dunning::deadlines::{deadlines, Duty, Subject};
    let files = [
        ("debts.csv", "ブロック,労働局,債権種別,債権番号,債権額,リスト提供日,時間帯区分,電話番号あり,計画書不要,費債権種別,徴収理由,債権回収\n東京,東京,三納,D1,500000,2026-10-01,b,○,,,,\n"),
        ("letters.csv", "債権番号,発送日,返送,返送日,発送中止\nD1,2026-10-07,,,\n"),
        ("calls.csv", "債権番号,架電日,架電時刻,電話結果コード\nD1,2026-10-09,10:00,⑥\n"),
        ("visits.csv", "債権番号,訪問日,訪問時刻,訪問結果コード\nD1,2026-11-02,10:00,②\nD1,2026-11-04,10:00,③\n"),
    ];
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile { name, bytes: text.as_bytes(), encoding: None })
        .collect();
    let small = import::<Dunning>(&sources);
    assert!(small.problems.is_empty(), "{:?}", small.problems);
    let calendar = BusinessCalendar::government(HolidayTable::shipped());
    let owed: Vec<_> =
        deadlines(&small.dataset, &calendar).into_iter().map(|d| (d.duty, d.worked, d.due)).collect();
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    assert_eq!(
        owed,
        vec![
            (Duty::MailingEmail, day(10, 7), day(10, 7)),
            (Duty::PhoneReport, day(10, 9), day(10, 13)),
            (Duty::VisitReport, day(11, 4), day(11, 11)),
        ],
        "Monday 10-12 is スポーツの日; the survey ends with the ③"
    );
    let data = {
        let files = generate(1);
        let sources: Vec<SourceFile> =
            files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
        import::<Dunning>(&sources).dataset
    };
    let owed = deadlines(&data, &BusinessCalendar::government(HolidayTable::shipped()));
    let sent: usize = data.letters.iter().filter(|l| l.letter.sent.is_some()).count();
    let mailed: usize = owed
        .iter()
        .filter(|d| d.duty == Duty::MailingEmail)
        .map(|d| match d.subject {
            Subject::Letters(n) => n,
            Subject::Debt(_) => 0,
        })
        .sum();
    assert_eq!(mailed, sent, "every letter sent is in one day's e-mail");
    for d in &owed {
        match d.duty {
            Duty::MailingEmail => assert_eq!(d.due, d.worked),
            Duty::PhoneReport => assert!(d.due > d.worked && (d.due - d.worked).num_days() <= 4),
            Duty::VisitReport => assert_eq!((d.due - d.worked).num_days(), 7),
        }
    }
    assert!(owed.windows(2).all(|w| w[0].due <= w[1].due), "by due day");
}
