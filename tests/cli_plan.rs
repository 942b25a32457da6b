//! `shuno plan` on the demo dataset: the documented JSON, n checked against the
//! settlement's own figures, the other formats, and a refusal on partial counts.

use rust_decimal::Decimal;
use std::path::Path;
use std::process::{Command, Output};
use std::str::FromStr;

fn shuno(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shuno")).args(args).output().expect("shuno runs")
}

fn demo(dir: &Path) {
    let out = shuno(&["demo", "--out", dir.to_str().unwrap(), "--seed", "3"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_plan_json_and_n_against_the_settlement() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let d = dir.path().to_str().unwrap();
    let common = ["--as-of", "2026-11", "--today", "2026-12-01", "--format", "json"];
    let plan = json(&shuno(&[&["plan", d][..], &common].concat()));
    assert_eq!((plan["period"].as_i64(), plan["as_of"].as_str()), (Some(1), Some("2026-11")));
    let inspections = plan["inspections"].as_array().unwrap();
    assert!(!inspections.is_empty());
    for r in inspections {
        let (planned, done, short) =
            (r["planned"].as_i64().unwrap(), r["done"].as_i64().unwrap(), r["shortfall"].as_i64().unwrap());
        assert_eq!(short, planned - done);
        assert!(short > 0 && r["office_code"].is_string() && r["method"].is_string());
        let month = r["month"].as_str().unwrap();
        assert!(("2026-05".."2026-12").contains(&month), "{month}");
        assert_eq!(r["deadline"].as_str().unwrap().len(), 10);
    }
    // November's 理由書: 2026-12-20 is a Sunday, so Monday 12-21.
    let november = plan["months"].as_array().unwrap().iter().find(|m| m["month"] == "2026-11").unwrap();
    assert_eq!(november["deadline"], "2026-12-21");
    assert_eq!(november["status"]["status"], "due");
    assert_eq!(november["status"]["days_left"], 20);

    let settlement = json(&shuno(&["settle", d, "--as-of", "2026-11", "--format", "json"]));
    let rates = plan["rate_recovery"].as_array().unwrap();
    assert_eq!(rates.len(), settlement["offices"].as_array().unwrap().len() * 15);
    for r in rates.iter().filter(|r| r["promoted_months_needed"].as_i64().is_some_and(|n| n > 0)).take(60) {
        let office = settlement["offices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["office_code"] == r["office_code"])
            .unwrap();
        let kind = office["kinds"].as_array().unwrap().iter().find(|k| k["kind"] == r["kind"]).unwrap();
        let int = |key: &str| Decimal::from(kind[key].as_i64().unwrap());
        let denominator = int("due_months") - int("excluded_paid_months") - int("forced_months");
        let target = Decimal::from_str(kind["target"].as_str().unwrap()).unwrap();
        let level = Decimal::from(r["level_percent"].as_i64().unwrap());
        let n = Decimal::from(r["promoted_months_needed"].as_i64().unwrap());
        let reaches = |p: Decimal| p * Decimal::ONE_HUNDRED >= level * target * denominator;
        assert!(reaches(int("promoted_months") + n), "{r}");
        assert!(!reaches(int("promoted_months") + n - Decimal::ONE), "{r}");
        assert_eq!(r["remaining_months"], 5, "December to April");
    }
}

#[test]
fn csv_table_xlsx_and_the_total_reading() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let d = dir.path().to_str().unwrap();
    let csv = shuno(&["plan", d, "--as-of", "2026-06", "--format", "csv", "--sheet", "recovery-plan"]);
    assert!(csv.status.success());
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(
        text.starts_with(
            "\u{feff}事務所コード,督励手法,累積不足件数,理由書の提出期限,年月,計画件数,追加件数,"
        ),
        "{text}"
    );
    let table = shuno(&["plan", d, "--as-of", "2026-06", "--lang", "en"]);
    let text = String::from_utf8(table.stdout).unwrap();
    for name in ["Shortfalls", "Reasons by month", "Recovery plan", "Rate recovery"] {
        assert!(text.contains(name), "{name}");
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let book = elsewhere.path().join("plan.xlsx");
    let out = shuno(&["plan", d, "--as-of", "2026-06", "--format", "xlsx", "--out", book.to_str().unwrap()]);
    assert!(out.status.success() && std::fs::metadata(&book).unwrap().len() > 5_000);
    let total = json(&shuno(&["plan", d, "--as-of", "2026-06", "--scope", "total", "--format", "json"]));
    assert!(total["inspections"].as_array().unwrap().iter().all(|r| r["office_code"].is_null()));
}

#[test]
fn a_rejected_activity_row_stops_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let path = dir.path().join("activity.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("90101,2026-06,電話,10,十,3\n");
    std::fs::write(&path, text).unwrap();
    let out = shuno(&["plan", dir.path().to_str().unwrap(), "--as-of", "2026-06"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("点検しません"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn the_reporting_calendar_as_a_table_and_as_ics() {
    let table = shuno(&["calendar", "--from", "2026-09-01", "--to", "2026-09-30", "--lang", "en"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("2026-09-24  Weekly contact records"), "{text}");
    assert!(text.contains("moved to the next business day"));
    let ics = shuno(&["calendar", "--from", "2026-09-01", "--to", "2026-09-30", "--format", "ics"]);
    assert!(ics.status.success());
    let parsed: icalendar::Calendar = String::from_utf8(ics.stdout).unwrap().parse().unwrap();
    assert_eq!(parsed.components.len(), 14);
    let backwards = shuno(&["calendar", "--from", "2026-09-30", "--to", "2026-09-01"]);
    assert_eq!(backwards.status.code(), Some(2));
}
