//! `shuno whatif` (#14): the empty scenario is `shuno settle`, byte for byte;
//! rate recovery's n fed back as a scenario reaches its level and n − 1 does
//! not; `"*"` reaches every office; an unknown office or kind is named.

use rust_decimal::Decimal;
use std::path::Path;
use std::process::{Command, Output};
use std::str::FromStr;

fn shuno(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shuno")).args(args).output().expect("shuno runs")
}

fn demo(dir: &Path) -> String {
    let out = shuno(&["demo", "--out", dir.join("data").to_str().unwrap(), "--seed", "5"]);
    assert!(out.status.success());
    dir.join("data").to_str().unwrap().to_string()
}

fn scenario(dir: &Path, name: &str, json: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, json).unwrap();
    path.to_str().unwrap().to_string()
}

fn whatif(data: &str, file: &str, extra: &[&str]) -> Output {
    shuno(&[&["whatif", "--scenario", file, data][..], extra].concat())
}

#[test]
fn the_empty_scenario_prints_what_settle_prints() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let empty = scenario(dir.path(), "empty.json", "{}");
    for format in ["json", "table", "csv"] {
        let a = whatif(&data, &empty, &["--as-of", "2026-11", "--format", format]);
        let b = shuno(&["settle", &data, "--as-of", "2026-11", "--format", format]);
        assert!(a.status.success());
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn rate_recoverys_n_as_a_scenario_reaches_its_level() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let plan = shuno(&["plan", &data, "--as-of", "2026-11", "--today", "2026-12-01", "--format", "json"]);
    let plan: serde_json::Value = serde_json::from_slice(&plan.stdout).unwrap();
    let rows = plan["rate_recovery"].as_array().unwrap();
    let picked = rows
        .iter()
        .filter(|r| r["promoted_months_needed"].as_i64().unwrap_or(0) > 0 && r["reachable"] == true);
    for r in picked.step_by(97).take(8) {
        let (office, kind) = (r["office_code"].as_str().unwrap(), r["kind"].as_str().unwrap());
        let n = r["promoted_months_needed"].as_i64().unwrap();
        let level = Decimal::from(r["level_percent"].as_i64().unwrap());
        let stepped = |added: i64| {
            let json = format!(
                r#"{{"adjust": [{{"office_code": "{office}", "kind": "{kind}", "promoted_months_added": {added}}}]}}"#
            );
            let file = scenario(dir.path(), "n.json", &json);
            let out = whatif(&data, &file, &["--as-of", "2026-11", "--format", "json"]);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let o =
                s["offices"].as_array().unwrap().iter().find(|o| o["office_code"] == office).unwrap().clone();
            let k = o["kinds"].as_array().unwrap().iter().find(|k| k["kind"] == kind).unwrap().clone();
            Decimal::from_str(k["ratio_stepped_percent"].as_str().unwrap()).unwrap()
        };
        assert!(stepped(n) >= level, "{office} {kind} {level} % with n = {n}");
        assert!(stepped(n - 1) < level, "{office} {kind} {level} % with n − 1");
    }
}

#[test]
fn every_office_by_star_and_unknown_names_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let zero = scenario(
        dir.path(),
        "zero.json",
        r#"{"name": "no incidents", "incident_points": [{"office_code": "*", "points": 0}]}"#,
    );
    let out = whatif(&data, &zero, &["--as-of", "2026-11", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(s["offices"].as_array().unwrap().iter().all(|o| o["incident_deduction_yen"] == 0));
    let bad = scenario(
        dir.path(),
        "bad.json",
        r#"{"adjust": [{"office_code": "00000", "kind": "current", "promoted_months_added": 1}, {"office_code": "*", "kind": "past9", "promoted_months_added": 1}]}"#,
    );
    let out = whatif(&data, &bad, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("office '00000' is not in the data") && err.contains("kind 'past9'"), "{err}");
    let typo = scenario(dir.path(), "typo.json", r#"{"adjsut": []}"#);
    let out = whatif(&data, &typo, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field `adjsut`"));
}

/// "If the pace holds": on a complete period the projection is the settlement;
/// on a partial one it settles the period's end, each count at least today's.
#[test]
fn the_projection_of_a_complete_period_is_its_settlement() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo(dir.path());
    let empty = scenario(dir.path(), "empty.json", "{}");
    let projected = whatif(&data, &empty, &["--period", "1", "--pace", "average", "--format", "json"]);
    let settled = shuno(&["settle", &data, "--period", "1", "--format", "json"]);
    assert_eq!(projected.stdout, settled.stdout);
    let json = |o: &Output| serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap();
    let now = json(&shuno(&["settle", &data, "--as-of", "2026-11", "--format", "json"]));
    for pace in ["average", "latest"] {
        let out = whatif(&data, &empty, &["--as-of", "2026-11", "--pace", pace, "--format", "json"]);
        assert!(String::from_utf8_lossy(&out.stderr).contains("2026-11"), "the assumption is stated");
        let end = json(&out);
        assert_eq!((end["as_of"].as_str(), end["provisional"].as_bool()), (Some("2027-04"), Some(false)));
        for (a, b) in now["offices"].as_array().unwrap().iter().zip(end["offices"].as_array().unwrap()) {
            for (k, l) in a["kinds"].as_array().unwrap().iter().zip(b["kinds"].as_array().unwrap()) {
                assert!(l["promoted_months"].as_i64() >= k["promoted_months"].as_i64());
                assert!(l["due_months"].as_i64() >= k["due_months"].as_i64());
            }
        }
    }
}
