//! `shuno bid-sim`, `shuno bid-price` and `shuno clause` (#15): the issue's
//! file runs with the keys it names and a relative `data` folder; zero spread
//! gives three equal percentiles; `--runs`/`--seed` override the file; a bad
//! file or setting is named and exits non-zero; the tender commands print
//! the keys the issue names.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn shuno(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shuno")).args(args).output().expect("shuno runs")
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn bid_file(dir: &Path, body: &str) -> String {
    assert!(shuno(&["demo", "--out", dir.join("data").to_str().unwrap()]).status.success());
    let path = dir.join("bid.json");
    std::fs::write(&path, body).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_issues_file_runs_with_a_relative_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = bid_file(
        dir.path(),
        r#"{"data": "data", "period": 1,
            "performance": [{"office_code": "*", "kind": "*", "ratio_mean": 1.0, "ratio_sd": 0.05}],
            "district_correlation": 0.3, "account_transfer_above_target_probability": 0.5,
            "incident_points_mean": 0, "band_mode": "tiered", "rounding": "truncate"}"#,
    );
    let out = json(&shuno(&["bid-sim", &file, "--runs", "500", "--seed", "9", "--format", "json"]));
    assert_eq!(out["runs"], 500);
    assert_eq!(out["seed"], 9);
    for scope in [&out["total"], &out["districts"][0]] {
        for key in ["mean", "p5", "p50", "p95", "prob_below_fee"] {
            assert!(!scope[key].is_null(), "{key}");
        }
        assert!(
            scope["p5"].as_i64() <= scope["p50"].as_i64() && scope["p50"].as_i64() <= scope["p95"].as_i64()
        );
    }
    let again = json(&shuno(&["bid-sim", &file, "--runs", "500", "--seed", "9", "--format", "json"]));
    assert_eq!(again, out);
    let table = shuno(&["bid-sim", &file, "--runs", "500", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("P50 (median)"));
}

#[test]
fn zero_spread_gives_three_equal_percentiles() {
    let dir = tempfile::tempdir().unwrap();
    let file = bid_file(
        dir.path(),
        r#"{"data": "data", "period": 1, "performance": [{"ratio_mean": 0.96, "ratio_sd": 0}],
            "account_transfer_above_target_probability": 0, "runs": 30}"#,
    );
    let out = json(&shuno(&["bid-sim", &file, "--format", "json"]));
    let t = &out["total"];
    assert_eq!((t["p5"].clone(), t["p50"].clone()), (t["p95"].clone(), t["p95"].clone()));
    assert_eq!(t["prob_below_fee"], "1");
}

#[test]
fn a_bad_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = bid_file(dir.path(), r#"{"data": "data", "district_correlation": 2}"#);
    let out = shuno(&["bid-sim", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("district_correlation") && said.contains("bid.json"), "{said}");
    std::fs::write(dir.path().join("none.json"), "{}").unwrap();
    let out = shuno(&["bid-sim", dir.path().join("none.json").to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--data DIR"));
}

#[test]
fn the_tender_commands_print_the_issues_keys() {
    let p = json(&shuno(&["bid-price", "--contract-amount", "1000000", "--format", "json"]));
    assert_eq!(
        (p["bid_form_amount"].as_i64(), p["award_price"].as_i64(), p["tax_rate"].as_str()),
        (Some(925_926), Some(1_000_000), Some("8"))
    );
    let l = json(&shuno(&[
        "clause",
        "late-payment",
        "--amount",
        "1000000",
        "--invoice-received",
        "2028-01-20",
        "--paid",
        "2028-03-10",
        "--year-basis",
        "actual",
        "--format",
        "json",
    ]));
    assert_eq!(
        (l["due_date"].as_str(), l["days"].as_i64(), l["interest_yen"].as_i64()),
        (Some("2028-02-19"), Some(20), Some(1_530))
    );
    let r = json(&shuno(&[
        "clause",
        "bid-rigging",
        "--contract-amount",
        "100000000",
        "--conviction",
        "--ringleader",
        "--format",
        "json",
    ]));
    assert_eq!(r["total_yen"], 15_000_000);
    let bad = shuno(&[
        "clause",
        "misuse",
        "--amount",
        "1",
        "--received",
        "2028-01-01",
        "--paid",
        "2028-02-01",
        "--fault",
        "deliberate",
        "--rate",
        "3",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}
