//! `shuno records DIR`, `shuno duty DIR` and `shuno bench-data`: the record engine
//! on a folder of contact, payment and delinquent files.

use super::settle::load_with;
use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
use crate::profiles::pension::records::duty::duty_report;
use crate::profiles::pension::records::export::{duty_csv, duty_table, promoted_csv};
use crate::profiles::pension::records::promoted::promoted_table;
use crate::profiles::pension::records::tables::RecordTables;
use crate::profiles::pension::PensionReport;
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum RecordsFormat {
    Json,
    Csv,
    /// Per-office counts, then the overdue persons (duty only).
    Table,
}

fn out(text: &str) -> ExitCode {
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// Imports the folder; stops when a record table lost a row or a file was unreadable.
fn load_records(dir: &Path, encoding: Option<Encoding>, lang: Lang) -> Result<PensionReport, ExitCode> {
    let report = load_with(dir, encoding, lang, |t| t.is_record())?;
    if report.blocks_records() {
        eprintln!("error: {}", text("cli.records_blocked", lang));
        return Err(ExitCode::from(1));
    }
    if report.private.is_empty() {
        eprintln!("error: {}", text("cli.no_records", lang));
        return Err(ExitCode::from(1));
    }
    Ok(report)
}

/// Loads the records of `dir` and prints what `render` makes of them.
fn with_records(
    dir: &Path,
    encoding: Option<Encoding>,
    lang: Lang,
    render: impl FnOnce(&RecordTables) -> String,
) -> ExitCode {
    match load_records(dir, encoding, lang) {
        Ok(report) => out(&render(&report.private)),
        Err(code) => code,
    }
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

pub fn records(
    dir: &Path,
    through: Option<NaiveDate>,
    format: RecordsFormat,
    encoding: Option<Encoding>,
    lang: Lang,
) -> ExitCode {
    with_records(dir, encoding, lang, |tables| {
        let table = promoted_table(tables, through);
        match format {
            RecordsFormat::Json => json(&table),
            RecordsFormat::Csv | RecordsFormat::Table => promoted_csv(&table),
        }
    })
}

pub fn duty(
    dir: &Path,
    as_of: NaiveDate,
    format: RecordsFormat,
    encoding: Option<Encoding>,
    lang: Lang,
) -> ExitCode {
    with_records(dir, encoding, lang, |tables| {
        let duty = duty_report(tables, as_of);
        match format {
            RecordsFormat::Json => json(&duty),
            RecordsFormat::Csv => duty_csv(&duty, lang),
            RecordsFormat::Table => duty_table(&duty, lang),
        }
    })
}

pub fn bench_data(out_dir: &Path, persons: u64, seed: u64) -> ExitCode {
    let files = crate::demo::records::generate(persons, seed);
    let write = || -> std::io::Result<u64> {
        std::fs::create_dir_all(out_dir)?;
        let mut bytes = 0;
        for f in &files {
            std::fs::write(out_dir.join(&f.name), &f.bytes)?;
            bytes += f.bytes.len() as u64;
        }
        Ok(bytes)
    };
    match write() {
        Ok(bytes) => {
            eprintln!(
                "wrote synthetic records of {persons} persons ({:.1} MB, seed {seed}) to {}",
                bytes as f64 / 1e6,
                out_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", out_dir.display());
            ExitCode::from(1)
        }
    }
}
