//! `shuno records`, `shuno duty` and `shuno bench-data` end to end on real files:
//! the JSON shape, `--through`, CP932 input with a broken row, the duty list.

use std::path::Path;
use std::process::{Command, Output};

fn shuno(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shuno")).args(args).output().expect("shuno runs")
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const CONTACTS: &str = "基礎年金番号,事務所コード,督励日,督励手法,結果\n\
1234567890,0101,2026-06-10,電話,本人接触\n\
1234-567891,0101,2026-06-11,文書,送付\n\
1234567892,0102,2026-06-12,SMS,送付\n";

const PAYMENTS: &str = "基礎年金番号,事務所コード,納付日,対象年月,月数,収納区分\n\
1234567890,0101,2026-07-01,2025-10,3,通常\n\
1234567891,0101,2026-08-31,2024-10,,通常\n\
1234567891,0101,2026-09-01,2024-11,1,通常\n\
1234567892,0102,2026-06-20,2025-10,1,通常\n";

const DELINQUENTS: &str = "基礎年金番号,事務所コード,提供日,未納月数,免除等勧奨\n\
1234567890,0101,2026-05-01,3,\n\
1234567891,0101,2026-05-01,12,1\n\
1234567892,0102,2026-05-01,30,\n";

fn records_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "contacts.csv", CONTACTS);
    write(dir.path(), "payments.csv", PAYMENTS);
    write(dir.path(), "delinquents.csv", DELINQUENTS);
    dir
}

fn row<'a>(rows: &'a [serde_json::Value], office: &str, kind: &str, month: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["office_code"] == office && r["kind"] == kind && r["month"] == month)
        .unwrap_or_else(|| panic!("no row {office} {kind} {month}"))
}

#[test]
fn records_json_has_the_documented_rows() {
    let dir = records_dir();
    let out = shuno(&["records", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    // 0101: past1 3 months in July (phone contact 06-10, window to 07-31); past2 1
    // month on 08-31 (letter 06-11 opens to 07-31: outside) → 0; SMS opens nothing.
    assert_eq!(row(rows, "0101", "past1", "2026-07")["promoted_months"], 3);
    assert_eq!(row(rows, "0101", "past1", "2026-09")["promoted_months_to_date"], 3);
    assert_eq!(row(rows, "0101", "past2", "2026-08")["promoted_months"], 0);
    assert_eq!(row(rows, "0102", "past1", "2026-06")["promoted_months"], 0);
    let june = row(rows, "0101", "current", "2026-06");
    assert_eq!(june["qualifying_contacts"], 2);
    assert_eq!(june["actions"]["phone"], 1);
    assert_eq!(june["actions"]["letter"], 1);
    assert_eq!(v["payments"]["promoted"], 1);
    assert_eq!(v["payments"]["not_promoted"], 3);

    let out = shuno(&[
        "records",
        dir.path().to_str().unwrap(),
        "--through",
        "2026-06-30",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("\u{FEFF}office_code,kind,month,promoted_months,promoted_months_to_date"));
    assert!(!csv.contains("2026-07"), "nothing after --through");
}

#[test]
fn a_broken_cp932_row_is_listed_and_nothing_is_computed() {
    let dir = records_dir();
    let broken =
        CONTACTS.replace("1234567892,0102,2026-06-12,SMS,送付", "1234567892,0102,2026-06-12,ＦＡＸ,送付");
    let bytes = shuno::core::import::decode::encode_cp932(&broken).unwrap();
    std::fs::write(dir.path().join("contacts.csv"), bytes).unwrap();
    let out = shuno(&["records", dir.path().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("contacts.csv:4: [contacts] column '督励手法', value 'ＦＡＸ': use one of 電話/phone"),
        "{err}"
    );
    assert!(err.contains("read 3 = accepted 2 + rejected 1"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn duty_lists_the_overdue() {
    let dir = records_dir();
    let out = shuno(&["duty", dir.path().to_str().unwrap(), "--as-of", "2026-10-15", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 1234-567890 (1–6): last action 06-10 → due 09-10, overdue; 1234-567891 (7–23):
    // 06-11 → due 10-11, overdue; 1234-567892 (24+): due by 2027-04-30.
    let overdue: Vec<&str> =
        v["overdue"].as_array().unwrap().iter().map(|p| p["person"].as_str().unwrap()).collect();
    assert_eq!(overdue.len(), 2);
    assert_eq!(v["offices"][0]["persons"], serde_json::json!([1, 1, 0]));
    assert_eq!(v["offices"][1]["persons"], serde_json::json!([0, 0, 1]));
    let out = shuno(&["duty", dir.path().to_str().unwrap(), "--as-of", "2026-10-15", "--format", "csv"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains("1234-567890,0101,1-6,2026-05-01,3,,2026-06-10,2026-09-10,35"), "{csv}");
}

#[test]
fn bench_data_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = shuno(&["bench-data", "--persons", "300", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let out = shuno(&["records", dir.path().to_str().unwrap(), "--lang", "en"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rejected 0"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["payments"]["promoted"].as_u64().unwrap() > 0);
}
