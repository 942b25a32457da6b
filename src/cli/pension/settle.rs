//! `shuno settle DIR`: import the folder, report every problem, settle, print.

use super::terminal_table::settlement_table;
use crate::cli::files::load_dir;
use crate::cli::output::{emit, Output};
use crate::cli::{Format, SettleArgs};
use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
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
    load_dir(dir, encoding, lang, blocking)
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
