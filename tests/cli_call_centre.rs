//! `shuno demo --profile call-centre`, `shuno pace` and `shuno call-report` on
//! real files: the JSON the issue names, checked by hand on the demo.

use std::process::Command;

fn shuno(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shuno")).args(args).output().unwrap()
}

fn demo_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = shuno(&["demo", "--profile", "call-centre", "--out", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir
}

#[test]
fn pace_prints_the_month_of_the_as_of_day() {
    let dir = demo_dir();
    let out = shuno(&["pace", dir.path().to_str().unwrap(), "--as-of", "2026-11-18", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // November 2026: 19 weekdays open (less 11/3 and 11/23) and the Sunday
    // openings 11/8 and 11/22; after the 18th: 19, 20, 22, 24–27, 30.
    // (5,700 − 2,539) ÷ 8 = 395.125 → 396.
    let expected = serde_json::json!({
        "month": "2026-11", "open_days_total": 21, "open_days_left": 8,
        "calls_target": 5700, "calls_done": 2539, "calls_needed_per_open_day": 396
    });
    assert_eq!(json, expected);
    // The month's last open day: nothing left, calls still due → null.
    let out = shuno(&["pace", dir.path().to_str().unwrap(), "--as-of", "2026-07-31", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (json["open_days_left"].as_i64(), json["calls_needed_per_open_day"].is_null()),
        (Some(0), true)
    );
    // August's lower figure (monthly_targets.csv) is met: 0.
    let out = shuno(&["pace", dir.path().to_str().unwrap(), "--as-of", "2026-08-31", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (json["calls_target"].as_i64(), json["calls_needed_per_open_day"].as_i64()),
        (Some(4800), Some(0))
    );
}

#[test]
fn a_folder_with_a_bad_row_stops_with_the_row_named() {
    let dir = demo_dir();
    std::fs::write(dir.path().join("extra_sundays.csv"), "日付\n2026-12-01\n").unwrap();
    let out = shuno(&["pace", dir.path().to_str().unwrap(), "--as-of", "2026-11-18", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "extra_sundays.csv:2: [sunday_openings] column '日付', value '2026-12-01': not a Sunday"
        ),
        "{err}"
    );
    assert!(err.contains("read 1 = accepted 0 + rejected 1"), "{err}");
}

#[test]
fn the_monthly_report_csv_ends_with_the_total_of_its_months() {
    let dir = demo_dir();
    let out = shuno(&["call-report", dir.path().to_str().unwrap(), "--as-of", "2026-11-18", "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<i64>> =
        text.lines().skip(1).map(|l| l.split(',').skip(1).map(|c| c.parse().unwrap()).collect()).collect();
    let (months, total) = rows.split_at(rows.len() - 1);
    assert_eq!(months.len(), 8);
    for col in 0..12 {
        assert_eq!(months.iter().map(|r| r[col]).sum::<i64>(), total[0][col], "column {col}");
    }
    assert!(text.lines().last().unwrap().starts_with("Total,"));
}

#[test]
fn call_status_gives_every_month_the_year_quality_and_deadlines() {
    let dir = demo_dir();
    let out =
        shuno(&["call-status", dir.path().to_str().unwrap(), "--as-of", "2026-11-18", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let months = json["months"].as_array().unwrap();
    assert_eq!(months.len(), 8);
    // July closed short and keeps its record; November warns now; August met the ward's 4,800.
    assert_eq!(months[3]["status"], "missed");
    assert!(months[3]["shortfall"].as_i64().unwrap() > 0);
    assert!(months[3]["warned_on"].as_str().unwrap().starts_with("2026-07-"));
    assert_eq!(months[4]["progress"]["source"], "ward");
    assert_eq!(months[4]["status"], "met");
    assert_eq!(months[7]["status"], "report_now");
    // The year's calls target is the sum of the months' targets: 7 × 5,700 + 4,800.
    assert_eq!(json["year"]["calls_target"], 7 * 5700 + 4800);
    let sms: i64 = months.iter().map(|m| m["progress"]["done"]["sms"].as_i64().unwrap()).sum();
    assert_eq!(json["year"]["sms_ceiling_left"].as_i64().unwrap(), 5000 - sms);
    let rate = &json["year_rates"]["answer"];
    assert_eq!(rate["denominator"], json["year"]["done"]["calls"]);
    // 12/31 is closed (the year-end switch): the invoice due then names 12/28.
    let invoice = json["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["due"] == "2026-12-31" && d["duty"] == "invoice");
    assert_eq!(invoice.unwrap()["hand_in_by"], "2026-12-28");
    assert_eq!(json["language_gaps"].as_array().unwrap().len(), 2);
}

#[test]
fn call_status_as_a_table_names_each_range_and_the_language_weeks() {
    let dir = demo_dir();
    let out = shuno(&["call-status", dir.path().to_str().unwrap(), "--as-of", "2026-11-18", "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("SMS (year to date: sent / target range)\t1,764 / 1,600–2,000 (within the range)"),
        "{text}"
    );
    assert!(text.contains("2026-11\t2,539 / 5,700\tReport to the ward now"), "{text}");
    assert!(text.contains("2026-08-10 – 2026-08-16\tChinese"), "{text}");
}
