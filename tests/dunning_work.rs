//! The dunning contract's work (#17): the import's refusals (each listed with
//! file, line, column and reason; read = accepted + rejected), the demo's
//! duties (one breach of every rule, made on purpose), the caps against a
//! second count and the seed's tables, the reports' totals, the result codes.

use chrono::NaiveDate;
use shuno::core::business_days::HolidayTable;
use shuno::core::calendar::YearMonth;
use shuno::core::export::Cell;
use shuno::core::i18n::Lang;
use shuno::core::import::{import, ImportReport, SourceFile};
use shuno::profiles::dunning::blocks::{table, Block, DebtKind, Work, RECOVERY_LOWER_BOUNDS};
use shuno::profiles::dunning::caps::caps;
use shuno::profiles::dunning::codes::{code_counts, debt_rates};
use shuno::profiles::dunning::dataset::DunningDataset;
use shuno::profiles::dunning::duties::{check, Rule, Switches};
use shuno::profiles::dunning::reports::{months, report_sheet, ReportPeriod};
use shuno::profiles::dunning::Dunning;
use std::collections::{BTreeSet, HashMap};

fn demo() -> DunningDataset {
    let files = shuno::demo::dunning::generate(1);
    let sources: Vec<SourceFile> =
        files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
    let report = import::<Dunning>(&sources);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report.dataset
}

fn read(files: &[(&str, &str)]) -> ImportReport<Dunning> {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile { name, bytes: text.as_bytes(), encoding: None })
        .collect();
    import::<Dunning>(&sources)
}

const DEBTS: &str = "ブロック,労働局,債権種別,債権番号,債権額,リスト提供日,時間帯区分,電話番号あり,計画書不要,費債権種別,徴収理由,債権回収\n";

#[test]
fn bad_rows_are_refused_listed_and_counted() {
    let debts = format!(
        "{DEBTS}東京,東京,三納,T-1,1500000,2026-09-01,a,○,,,,○\n\
         東京,大阪,三納,T-2,100000,2026-09-01,b,○,,,,\n\
         関東,埼玉労働局,費,S-3,100000,2026-09-01,b,○,○,A,,\n\
         近畿,大坂,返,R-4,100000,2026-09-01,b,○,,,,\n\
         近畿,大阪,返,R-5,900000,2026-09-01,c,○,,,,\n\
         近畿,大阪,返,R-6,900000,2026-09-01,b,○,,,,○\n\
         東京,東京,三納,T-1,1500000,2026-09-02,a,○,,,,\n\
         近畿,大阪,返,R-7,900000,2026-09-01,b,○,,,,\n"
    );
    let letters = "債権番号,発送日,返送,返送日,発送中止\n\
         T-1,2026-09-10,○,,\n\
         T-1,2026-09-10,,,\n\
         X-9,2026-09-10,,,\n\
         R-7,2026-08-30,,,\n";
    let calls = "債権番号,架電日,架電時刻,電話結果コード\n\
         T-1,2026-09-20,19:00,⑯\n\
         T-1,2026-09-20,7pm,⑨\n\
         T-1,2026-09-21,19:00,13\n";
    let report = read(&[("debts.csv", &debts), ("letters.csv", letters), ("calls.csv", calls)]);
    let lines: Vec<String> = report.problems.iter().map(|p| p.render(Lang::En)).collect();
    let expect = [
        ("calls.csv:2: [calls] column '電話結果コード', value '⑯'", "①–⑮"),
        ("calls.csv:3: [calls] column '架電時刻', value '7pm'", "not a time of day"),
        ("debts.csv:3: [debts] column '労働局', value '大阪'", "belongs to the 近畿 block"),
        ("debts.csv:4: [debts] column '計画書不要', value '○'", "a 費 debt has no such column"),
        ("debts.csv:5: [debts] column '労働局', value '大坂'", "unknown bureau"),
        ("debts.csv:6: [debts] column '時間帯区分', value 'c'", "a, b"),
        ("debts.csv:7: [debts] column '債権回収', value '○'", "recovery work is for third-party claims"),
        ("debts.csv:8: [debts] column 'ブロック', value 'T-1'", "debts.csv"),
        ("letters.csv:2: [letters] column '返送日', value ''", "without a return date"),
        ("letters.csv:4: [letters] column '債権番号', value 'X-9'", "debts table does not have"),
        ("letters.csv:5: [letters] column '発送日', value '2026-08-30'", "before 2026-09-01"),
    ];
    assert_eq!(lines.len(), expect.len(), "{lines:#?}");
    for (prefix, reason) in expect {
        assert!(
            lines.iter().any(|l| l.starts_with(prefix) && l.contains(reason)),
            "missing {prefix} … {reason}\n{lines:#?}"
        );
    }
    let (read_rows, accepted, rejected) = report.totals();
    assert_eq!((read_rows, accepted, rejected), (15, 4, 11));
    assert_eq!(read_rows, accepted + rejected);
    assert_eq!(report.dataset.debts.len(), 2, "T-1 and R-7; T-1's twin on line 8 points at line 2");
    assert_eq!(report.dataset.calls.len(), 1);
}

/// One breach of each rule, made on purpose in the demo (the location check
/// twice: a late visit and none at all); nothing else.
#[test]
fn the_demo_breaks_every_rule_once() {
    let data = demo();
    let holidays = HolidayTable::shipped();
    let found: Vec<(String, Rule)> = data
        .debts_with_work()
        .iter()
        .flat_map(|(_, debt)| check(debt, &Switches::default(), &holidays, shuno::demo::dunning::DEMO_AS_OF))
        .map(|f| (f.debt_id, f.rule))
        .collect();
    let rules: BTreeSet<Rule> = found.iter().map(|f| f.1).collect();
    assert_eq!(rules.len(), 7, "{found:?}");
    let want = [
        ("R-2026-0010", Rule::LetterLate),
        ("T-2026-0015", Rule::VisitOutsideSlot),
        ("R-2026-0020", Rule::FirstCallEarly),
        ("S-2026-0022", Rule::TooFewCalls),
        ("S-2026-0025", Rule::TooFewVisits),
        ("T-2026-0031", Rule::LocationCheckLate),
        ("T-2026-0034", Rule::CallOutsideSlot),
        ("T-2026-0040", Rule::LocationCheckLate),
    ];
    let want: Vec<(String, Rule)> = want.iter().map(|(id, r)| (id.to_string(), *r)).collect();
    assert_eq!(found, want);
}

/// The caps count debts, not calls: a second count over the raw rows agrees,
/// and the limits are the seed's tables until a row replaces one.
#[test]
fn caps_count_debts_worked_and_a_row_replaces_the_seeds_cap() {
    let data = demo();
    let blocks = caps(&data);
    let kind_of: HashMap<&str, (Block, DebtKind)> =
        data.debts.iter().map(|d| (d.debt_id.as_str(), (d.block, d.kind))).collect();
    let distinct = |ids: Vec<&str>| -> HashMap<(Block, DebtKind), usize> {
        let mut out = HashMap::new();
        for id in ids.into_iter().collect::<BTreeSet<_>>() {
            *out.entry(kind_of[id]).or_insert(0) += 1;
        }
        out
    };
    let letters = distinct(
        data.letters.iter().filter(|l| l.letter.sent.is_some()).map(|l| l.debt_id.as_str()).collect(),
    );
    let phoned = distinct(data.calls.iter().map(|c| c.debt_id.as_str()).collect());
    let visited = distinct(data.visits.iter().map(|v| v.debt_id.as_str()).collect());
    for b in &blocks {
        for line in &b.caps {
            let second = match line.work {
                Work::Letters => &letters,
                Work::PhoneNotices => &phoned,
                Work::LocationChecks => &visited,
            };
            assert_eq!(line.worked, *second.get(&(b.block, line.kind)).unwrap_or(&0) as i64);
            let w = Work::ALL.iter().position(|w| *w == line.work).unwrap();
            assert_eq!(line.cap.value, table(line.kind).caps[b.block.index()][w]);
            assert!(!line.cap.edited);
            assert_eq!(line.left, line.cap.value - line.worked);
        }
        let bounds: Vec<i64> = b.recovery.iter().map(|r| r.lower_bound.value).collect();
        assert_eq!(bounds, RECOVERY_LOWER_BOUNDS[b.block.index()]);
    }
    let tokyo = &blocks[Block::Tokyo.index()];
    assert_eq!(tokyo.recovery_beyond_bands, vec!["T-2026-0017".to_string()], "the ¥32.5M debt fits no band");
    // A caps row and a coordinators row replace the seed's figures.
    let mut edited = demo();
    let files = [
        ("caps.csv", "ブロック,債権種別,業務,上限件数\n東京,三納,督促状,3\n"),
        ("coordinators.csv", "ブロック,コーディネーター配置数\n東京,4\n"),
    ];
    let extra = read(&files);
    assert!(extra.problems.is_empty(), "{:?}", extra.problems);
    edited.caps = extra.dataset.caps;
    edited.coordinators = extra.dataset.coordinators;
    let tokyo = &caps(&edited)[Block::Tokyo.index()];
    let letters_line = &tokyo.caps[0];
    assert_eq!((letters_line.cap.value, letters_line.cap.edited), (3, true));
    assert_eq!(
        letters_line.left,
        3 - letters_line.worked,
        "over the cap shows as negative: allowed by agreement"
    );
    assert!(letters_line.left < 0);
    assert_eq!((tokyo.coordinators.value, tokyo.coordinators.edited), (4, true));
}

fn int(cell: &Cell) -> i64 {
    match cell {
        Cell::Int(n) => *n,
        other => panic!("not a count: {other:?}"),
    }
}

/// A quarter's 合計 is the sum of its months, bureau by bureau; the calls and
/// visits of a block's bureaus are every call and visit of its debts.
#[test]
fn the_reports_add_up_month_to_quarter_and_over_bureaus() {
    let data = demo();
    let quarter = YearMonth::new(2026, 10).unwrap();
    for &block in Block::ALL {
        let sheet = report_sheet(&data, block, ReportPeriod::Quarterly, quarter, Lang::Ja);
        let bureaus = sheet.headers.len() - 2;
        assert_eq!(sheet.rows.len(), 4 * 5);
        for measure in 0..5 {
            for col in 2..2 + bureaus {
                let months: i64 = (0..3).map(|m| int(&sheet.rows[m * 5 + measure][col])).sum();
                assert_eq!(int(&sheet.rows[15 + measure][col]), months);
            }
        }
        let in_quarter =
            |day: NaiveDate| months(ReportPeriod::Quarterly, quarter).contains(&YearMonth::of(day));
        let ids: BTreeSet<&str> =
            data.debts.iter().filter(|d| d.block == block).map(|d| d.debt_id.as_str()).collect();
        let calls = data
            .calls
            .iter()
            .filter(|c| ids.contains(c.debt_id.as_str()) && in_quarter(c.contact.at.date()))
            .count();
        let visits = data
            .visits
            .iter()
            .filter(|v| ids.contains(v.debt_id.as_str()) && in_quarter(v.contact.at.date()))
            .count();
        let total = |measure: usize| (2..2 + bureaus).map(|c| int(&sheet.rows[15 + measure][c])).sum::<i64>();
        assert_eq!(total(3), calls as i64, "{block:?} calls");
        assert_eq!(total(4), visits as i64, "{block:?} visits");
    }
}

#[test]
fn result_codes_count_every_call_and_rates_leave_out_the_bureaus_stops() {
    let data = demo();
    let counts = code_counts(&data);
    let calls: i64 = counts.iter().map(|c| c.phone.iter().sum::<i64>()).sum();
    let visits: i64 = counts.iter().map(|c| c.visit.iter().sum::<i64>()).sum();
    assert_eq!((calls as usize, visits as usize), (data.calls.len(), data.visits.len()));
    let all = debt_rates(&data, None);
    let called: BTreeSet<&str> = data.calls.iter().map(|c| c.debt_id.as_str()).collect();
    let stopped: BTreeSet<&str> =
        data.calls.iter().filter(|c| c.contact.code.0 == 15).map(|c| c.debt_id.as_str()).collect();
    assert_eq!(all.debts_called as usize, called.len() - stopped.len());
    assert!(!stopped.is_empty(), "the demo has a ⑮");
    for share in [all.contact, all.promise, all.refusal, all.dead_number] {
        assert_eq!(share.denominator, all.debts_called);
        assert!(share.numerator <= share.denominator);
    }
    assert_eq!(all.contact_by_message_only.denominator, all.contact.numerator);
    let per_block: i64 = Block::ALL.iter().map(|b| debt_rates(&data, Some(*b)).debts_called).sum();
    assert_eq!(per_block, all.debts_called);
}

#[test]
fn the_shipped_caps_are_the_seeds() {
    // 別添 ア 合計: 11,440 letters, 6,886 phone notices, 4,075 location checks.
    let total: i64 = table(DebtKind::ThirdParty).caps.iter().map(|b| b[0]).sum();
    assert_eq!(total, 11_440);
    let data = DunningDataset::default();
    let letters: i64 = caps(&data)
        .iter()
        .flat_map(|b| b.caps.iter().filter(|c| c.kind == DebtKind::ThirdParty && c.work == Work::Letters))
        .map(|c| c.cap.value)
        .sum();
    assert_eq!(letters, 11_440);
}
