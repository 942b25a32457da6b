//! Golden tests: the command line's output, byte for byte, on the shipped demo
//! dataset and on the fixtures. Every yen, ratio, flag, heading and problem line
//! is pinned; a change shows as a snapshot diff (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test golden` and read the diff before
//! committing it).

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `shuno` and renders what a user sees: the exit code, stdout, stderr.
fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_shuno"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("shuno runs");
    format!(
        "exit: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Paths are relative to the crate root, so the output is the same in any clone.
fn demo() -> String {
    "public/demo".to_string()
}

#[test]
fn settle_tables_every_period_and_band_reading() {
    let demo = demo();
    for period in ["1", "2", "3"] {
        for band in ["tiered", "flat"] {
            let name = format!("settle_table_p{period}_{band}");
            insta::assert_snapshot!(name, run(&["settle", &demo, "--period", period, "--band-mode", band]));
        }
    }
}

#[test]
fn settle_json_and_csv() {
    let demo = demo();
    insta::assert_snapshot!("settle_json_p1", run(&["settle", &demo, "--period", "1", "--format", "json"]));
    insta::assert_snapshot!(
        "settle_csv_p2_flat_half_up_en",
        run(&[
            "settle",
            &demo,
            "--period",
            "2",
            "--band-mode",
            "flat",
            "--rounding",
            "half-up",
            "--format",
            "csv",
            "--lang",
            "en"
        ])
    );
    insta::assert_snapshot!(
        "settle_table_provisional_en",
        run(&["settle", &demo, "--as-of", "2026-09", "--rounding", "up", "--lang", "en"])
    );
}

#[test]
fn settle_errors_and_problems() {
    let fixture = "tests/fixtures/cp932-broken";
    insta::assert_snapshot!("check_cp932_broken_ja", run(&["check", fixture]));
    insta::assert_snapshot!("settle_cp932_broken_en", run(&["settle", fixture, "--lang", "en"]));
    let demo = demo();
    insta::assert_snapshot!("settle_no_such_period", run(&["settle", &demo, "--period", "4"]));
    insta::assert_snapshot!(
        "settle_as_of_outside_en",
        run(&["settle", &demo, "--period", "1", "--as-of", "2028-01", "--lang", "en"])
    );
}

#[test]
fn records_and_duty() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let made = run(&["bench-data", "--persons", "300", "--out", d, "--seed", "5"]);
    assert!(made.starts_with("exit: Some(0)"), "{made}");
    insta::assert_snapshot!("records_csv", run(&["records", d, "--format", "csv"]));
    insta::assert_snapshot!("duty_table", run(&["duty", d, "--as-of", "2027-06-30"]));
    insta::assert_snapshot!(
        "duty_csv_en",
        run(&["duty", d, "--as-of", "2027-06-30", "--format", "csv", "--lang", "en"])
    );
}
