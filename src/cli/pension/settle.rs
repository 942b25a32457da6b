//! `shuno settle DIR`: import the folder, report every problem, settle, print.

use super::terminal_table::settlement_table;
use crate::cli::files::{data_files, import_paths};
use crate::cli::output::{emit, Output};
use crate::cli::{Format, SettleArgs};
use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
use crate::core::import::schema::TableSpec;
use crate::profiles::pension::rules::{settle, Settlement};
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::pension::views::export::{settlement_csv, settlement_workbook};
use crate::profiles::pension::PensionReport;
use std::path::Path;
use std::process::ExitCode;

/// Reads a dataset folder and prints every problem and the per-file counts.
pub fn load(dir: &Path, encoding: Option<Encoding>, lang: Lang) -> Result<PensionReport, ExitCode> {
    load_with(dir, encoding, lang, PensionTable::feeds_settlement)
}

/// [`load`], printing problems of the tables `blocking` names as errors, the
/// others as warnings.
pub fn load_with(
    dir: &Path,
    encoding: Option<Encoding>,
    lang: Lang,
    blocking: impl Fn(PensionTable) -> bool,
) -> Result<PensionReport, ExitCode> {
    let (files, skipped) = data_files(dir).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })?;
    for path in skipped {
        eprintln!("{}: {}", text("cli.skipped", lang), path.display());
    }
    let report = import_paths(&files, encoding);
    print_import_report(&report, lang, blocking);
    Ok(report)
}

pub fn run(args: &SettleArgs) -> ExitCode {
    let lang = args.lang;
    let report = match load(&args.dir, args.encoding, lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if report.blocks_settlement() {
        eprintln!("error: {}", text("cli.blocked_by_problems", lang));
        return ExitCode::from(1);
    }
    let settlement = match settle(&report.dataset, &args.options()) {
        Ok(s) => s,
        Err(errors) => {
            for e in errors {
                eprintln!("error: {}", e.message(lang));
            }
            return ExitCode::from(1);
        }
    };
    print(&settlement, &report.file_names(), args)
}

/// A settlement in the format asked for, with the provisional note on stderr:
/// `shuno settle`'s output, and `shuno whatif`'s.
pub fn print(settlement: &Settlement, sources: &[String], args: &SettleArgs) -> ExitCode {
    let lang = args.lang;
    if settlement.provisional {
        eprintln!("{}", text("cli.provisional", lang).replace("%{as_of}", &settlement.as_of.to_string()));
    }
    let output = match args.format {
        Format::Json => Output::Text(serde_json::to_string_pretty(settlement).unwrap_or_default() + "\n"),
        Format::Csv => Output::Text(settlement_csv(settlement, lang)),
        Format::Table => Output::Text(settlement_table(settlement, lang)),
        Format::Xlsx => Output::Workbook(settlement_workbook(settlement, sources, lang)),
    };
    emit(output, args.out.as_deref())
}

/// Every problem, then one line per file: encoding, table, read = accepted + rejected.
pub fn print_import_report(report: &PensionReport, lang: Lang, blocking: impl Fn(PensionTable) -> bool) {
    for p in &report.problems {
        let level = if p.table.is_none_or(&blocking) { "error" } else { "warning" };
        eprintln!("{level}: {}", p.render(lang));
    }
    for f in &report.files {
        let table = f.table.map_or("-", |t| t.code());
        let encoding = f.encoding.map_or("-", |e| e.label());
        let how = if f.encoding_detected { text("cli.detected", lang) } else { text("cli.chosen", lang) };
        eprintln!(
            "{}: {} [{table}] {encoding} ({how}) {} {} = {} {} + {} {}{}",
            text("cli.file", lang),
            f.file,
            text("cli.read", lang),
            f.read,
            text("cli.accepted", lang),
            f.accepted,
            text("cli.rejected", lang),
            f.rejected,
            if f.blank > 0 { format!(" ({} {})", text("cli.blank", lang), f.blank) } else { String::new() },
        );
    }
    let (read, accepted, rejected) = report.totals();
    eprintln!(
        "{}: {} {read} = {} {accepted} + {} {rejected}",
        text("cli.total", lang),
        text("cli.read", lang),
        text("cli.accepted", lang),
        text("cli.rejected", lang)
    );
}
