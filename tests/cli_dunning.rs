//! `shuno demo --profile dunning`, `shuno duties`, `shuno caps` and `shuno
//! dunning-report` on real files: the duty list the issue names, the caps per
//! block, a refused row stopping the judgement.

use std::process::Command;

fn shuno(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shuno")).args(args).output().unwrap()
}

fn demo_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = shuno(&["demo", "--profile", "dunning", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir
}

#[test]
fn duties_lists_debt_block_rule_due_and_done() {
    let dir = demo_dir();
    let out = shuno(&["duties", dir.path().to_str().unwrap(), "--as-of", "2026-12-18", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 8);
    assert_eq!(
        list[0],
        serde_json::json!({"debt_id": "R-2026-0010", "block": "kanto", "rule": "letter_late", "due": "2026-09-07", "done": "2026-09-09"})
    );
    let rules: std::collections::BTreeSet<&str> = list.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    let all = [
        "call_outside_slot",
        "first_call_early",
        "letter_late",
        "location_check_late",
        "too_few_calls",
        "too_few_visits",
        "visit_outside_slot",
    ];
    assert_eq!(rules.into_iter().collect::<Vec<_>>(), all);
    // Day 7 allowed: the early first call is no longer one.
    let out = shuno(&[
        "duties",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2026-12-18",
        "--format",
        "json",
        "--first-call-day",
        "7",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.as_array().unwrap().iter().all(|f| f["rule"] != "first_call_early"));
}

#[test]
fn caps_prints_each_block_against_the_seeds_tables() {
    let dir = demo_dir();
    let out = shuno(&["caps", dir.path().to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let blocks = json.as_array().unwrap();
    assert_eq!(blocks.len(), 8);
    let tokyo = &blocks[2];
    assert_eq!(tokyo["block"], "tokyo");
    let letters = &tokyo["caps"][0];
    assert_eq!((letters["kind"].as_str(), letters["work"].as_str()), (Some("third_party"), Some("letters")));
    assert_eq!(letters["cap"]["value"], 2426);
    assert_eq!(letters["left"].as_i64(), Some(2426 - letters["worked"].as_i64().unwrap()));
    assert_eq!(tokyo["recovery_beyond_bands"], serde_json::json!(["T-2026-0017"]));
}

#[test]
fn the_report_is_csv_with_a_total_and_a_refused_row_stops_the_judgement() {
    let dir = demo_dir();
    let path = dir.path().to_str().unwrap();
    let out =
        shuno(&["dunning-report", path, "--block", "関東", "--month", "2026-10", "--period", "quarterly"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.trim_start_matches('\u{FEFF}').starts_with("月,項目,埼玉局,神奈川局"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 20);
    assert!(String::from_utf8_lossy(&out.stderr).contains("due: 2027-01-10"));
    std::fs::write(
        dir.path().join("calls_extra.csv"),
        "債権番号,架電日,架電時刻,電話結果コード\nZ-1,2026-10-01,10:00,⑨\n",
    )
    .unwrap();
    let out = shuno(&["duties", path, "--as-of", "2026-12-18"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("calls_extra.csv:2") && err.contains("Z-1"), "{err}");
}

#[test]
fn templates_name_the_dunning_tables() {
    let out = shuno(&["template", "debts"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ブロック,労働局,債権種別,債権番号"), "{text}");
    let out = shuno(&["template", "nonsense"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("dunning (C): debts, letters, calls"));
}
