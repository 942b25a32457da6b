//! `shuno records DIR`, `shuno duty DIR` and `shuno bench-data`: the record engine
//! on a folder of contact, payment and delinquent files.

use super::settle::load_with;
use crate::cli::output::{emit, Output};
use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
use crate::profiles::pension::records::duty::duty_report;
use crate::profiles::pension::records::export::{
    duty_csv, duty_table, duty_workbook, promoted_csv, promoted_workbook,
};
use crate::profiles::pension::records::promoted::promoted_table;
use crate::profiles::pension::records::tables::RecordTables;
use crate::profiles::pension::PensionReport;
use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum RecordsFormat {
    Json,
    Csv,
    /// Per-office counts, then the overdue persons (duty only).
    Table,
    /// A workbook (with --out): what the figures rest on, then the table.
    Xlsx,
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

/// Loads the records of `dir` and writes what `render` makes of them (given the
/// tables and the source file names).
fn with_records(
    dir: &Path,
    encoding: Option<Encoding>,
    lang: Lang,
    out: Option<&Path>,
    render: impl FnOnce(&RecordTables, &[String]) -> Output,
) -> ExitCode {
    match load_records(dir, encoding, lang) {
        Ok(report) => emit(render(&report.private, &report.file_names()), out),
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
    out: Option<&Path>,
    encoding: Option<Encoding>,
    lang: Lang,
) -> ExitCode {
    with_records(dir, encoding, lang, out, |tables, sources| {
        let table = promoted_table(tables, through);
        match format {
            RecordsFormat::Json => Output::Text(json(&table)),
            RecordsFormat::Csv | RecordsFormat::Table => Output::Text(promoted_csv(&table, lang)),
            RecordsFormat::Xlsx => Output::Workbook(promoted_workbook(&table, through, sources, lang)),
        }
    })
}

pub fn duty(
    dir: &Path,
    as_of: NaiveDate,
    format: RecordsFormat,
    out: Option<&Path>,
    encoding: Option<Encoding>,
    lang: Lang,
) -> ExitCode {
    with_records(dir, encoding, lang, out, |tables, sources| {
        let duty = duty_report(tables, as_of);
        match format {
            RecordsFormat::Json => Output::Text(json(&duty)),
            RecordsFormat::Csv => Output::Text(duty_csv(&duty, lang)),
            RecordsFormat::Table => Output::Text(duty_table(&duty, lang)),
            RecordsFormat::Xlsx => Output::Workbook(duty_workbook(&duty, sources, lang)),
        }
    })
}

pub fn bench_data(out_dir: &Path, persons: u64, seed: u64) -> ExitCode {
    let files = crate::demo::records::generate(persons, crate::demo::records::BENCH_FIRST_PERSON, seed);
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
