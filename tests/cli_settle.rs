//! `shuno` end to end on real files: the demo dataset, CP932 input with broken
//! rows, a missing column, the output formats and languages.

use std::path::Path;
use std::process::{Command, Output};

fn shuno(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shuno")).args(args).output().expect("shuno runs")
}

fn demo(dir: &Path) {
    let out = shuno(&["demo", "--out", dir.to_str().unwrap(), "--seed", "7"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn cp932(text: &str) -> Vec<u8> {
    shuno::core::import::decode::encode_cp932(text).expect("text has a CP932 form")
}

#[test]
fn demo_settles_to_json_with_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let out = shuno(&["settle", dir.path().to_str().unwrap(), "--period", "1", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["period"], 1);
    assert_eq!(v["as_of"], "2027-04");
    assert_eq!(v["rules"]["band_mode"], "tiered");
    assert_eq!(v["rules"]["rounding"], "truncate");
    let offices = v["offices"].as_array().unwrap();
    assert!(offices.len() >= 75);
    let o = &offices[0];
    for key in ["office_code", "office_name", "prefecture", "district"] {
        assert!(o[key].is_string(), "{key}");
    }
    for key in ["account_transfer_adjustment_yen", "incident_points", "incident_deduction_yen", "total_yen"] {
        assert!(o[key].is_i64(), "{key}");
    }
    let k = &o["kinds"][0];
    assert_eq!(k["kind"], "current");
    assert!(k["rate"].is_string() && k["target"].is_string() && k["ratio"].is_string());
    assert!(k["base_yen"].is_i64() && k["achievement_adjustment_yen"].is_i64());
    let d = &v["districts"][0];
    assert!(d["period_fee_yen"].is_i64() && d["base_yen"].is_i64() && d["total_yen"].is_i64());
    // The office total is the sum of its rounded parts.
    for o in offices {
        let kinds: i64 = o["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["base_yen"].as_i64().unwrap() + k["achievement_adjustment_yen"].as_i64().unwrap())
            .sum();
        let total = kinds
            + o["account_transfer_adjustment_yen"].as_i64().unwrap()
            + o["incident_deduction_yen"].as_i64().unwrap();
        assert_eq!(o["total_yen"].as_i64().unwrap(), total);
    }
}

#[test]
fn flat_mode_and_rounding_are_in_the_output() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let d = dir.path().to_str().unwrap();
    let out = shuno(&[
        "settle",
        d,
        "--as-of",
        "2026-09",
        "--band-mode",
        "flat",
        "--rounding",
        "half-up",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["period"].as_i64(), v["as_of"].as_str()), (Some(1), Some("2026-09")));
    assert_eq!(v["provisional"], true);
    assert_eq!(v["rules"]["band_mode"], "flat");
    assert_eq!(v["rules"]["rounding"], "half-up");

    let csv = shuno(&["settle", d, "--period", "2", "--format", "csv", "--lang", "en"]);
    assert!(csv.status.success());
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("\u{FEFF}period,as_of,band_mode,rounding,office_code"));
    let table = shuno(&["settle", d, "--period", "3"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("第3期 (2028-05〜2029-04)  基準月 2029-04") && text.contains("事務所計"), "{text}");
}

#[test]
fn cp932_input_with_broken_rows_lists_every_problem_and_prints_no_settlement() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    let offices =
        "事務所コード,事務所名,都道府県,地区\n90101,①㈱髙﨑年金事務所,東京都,デモ地区（関東・甲信越）\n";
    std::fs::write(dir.path().join("offices.csv"), cp932(offices)).unwrap();
    let progress = "事務所コード,保険料種別,年月,納付対象月数,控除納付月数,強制徴収収納月数,事業者督励月数\n\
        90101,現年度,2027-04,1000,600,10,100\n\
        90101,過年度1年目,2027-04,1000,300,10,abc\n\
        90101,過年度2年目,2027-04,-5,0,0,0\n\
        99999,現年度,2027-04,1000,600,10,100\n\
        90101,現年度,2027-04,1000,600,10,100\n\
        90101,現年度,2031-04,1000,600,10,100\n\
        90101,来年度,2027-04,1000,600,10,100\n\
        90101,過年度2年目,2027-03,100,50,10,41\n";
    std::fs::write(dir.path().join("progress.csv"), cp932(progress)).unwrap();
    let out = shuno(&["settle", dir.path().to_str().unwrap(), "--period", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no settlement is printed");
    let err = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "progress.csv:3: [progress] 列「事業者督励月数」の値「abc」: 数値として読めません。",
        "progress.csv:4: [progress] 列「納付対象月数」の値「-5」: 負の値は使えません。",
        "progress.csv:5: [progress] 列「事務所コード」の値「99999」: 事務所コードが事務所表（offices）にありません。",
        "progress.csv:6: [progress] 列「事務所コード」の値「90101」: 同じキーの行が progress.csv の 2 行目にもあります。",
        "progress.csv:7: [progress] 列「年月」の値「2031-04」: 契約期間",
        "progress.csv:8: [progress] 列「保険料種別」の値「来年度」: 保険料種別が不明です",
        "progress.csv:9: [progress] 列「事業者督励月数」の値「41」: 事業者督励月数 41 が分母",
        "[progress] CP932 (Shift_JIS) (自動判定) 読込 8 = 採用 1 + 除外 7",
        "offices.csv [offices] CP932 (Shift_JIS) (自動判定) 読込 1 = 採用 1 + 除外 0",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in:\n{err}");
    }
}

#[test]
fn problems_in_english_and_a_missing_column() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path());
    std::fs::write(dir.path().join("targets.csv"), "office_code,period,kind\n90101,1,current\n").unwrap();
    std::fs::write(dir.path().join("notes.csv"), "foo,bar\n1,2\n").unwrap();
    let out = shuno(&["settle", dir.path().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("targets.csv: [targets] required column '目標督励納付率 / target_rate' is missing."),
        "{err}"
    );
    assert!(err.contains("notes.csv: the header row matches no known table"), "{err}");
}

#[test]
fn templates_have_the_canonical_header_with_bom() {
    let out = shuno(&["template", "progress"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "\u{FEFF}事務所コード,保険料種別,年月,納付対象月数,控除納付月数,強制徴収収納月数,事業者督励月数\r\n"
    );
    let bad = shuno(&["template", "nope"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(err.contains("pension (A): offices, fees, progress"), "{err}");
    assert!(err.contains("call centre (B): daily_log, monthly_targets, sunday_openings"), "{err}");
    let daily = shuno(&["template", "daily_log"]);
    assert!(String::from_utf8(daily.stdout).unwrap().starts_with("\u{FEFF}日付,架電件数,応答件数"));
}

/// The fixture the browser end-to-end test drops into the app: the command line
/// must report the same problem for it.
#[test]
fn the_cp932_fixture_reports_its_broken_row() {
    let out = shuno(&[
        "settle",
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cp932-broken"),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("progress.csv:5: [progress] column '事業者督励月数', value '9O': not a number."),
        "{err}"
    );
    assert!(
        err.contains("progress.csv [progress] CP932 (Shift_JIS) (detected) read 7 = accepted 6 + rejected 1"),
        "{err}"
    );
    assert!(err.contains("total: read 16 = accepted 15 + rejected 1"), "{err}");
}
