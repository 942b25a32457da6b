//! Profile C's work commands (#17): `shuno duties` (every timing duty missed
//! as of a day, per debt), `shuno caps` (the work against the yearly tables
//! per block) and `shuno dunning-report` (the monthly or quarterly report of a
//! block, per bureau, in the seed's layout).

use crate::cli::files::load_dir;
use crate::cli::output::{emit, Output};
use crate::cli::{parse_day, BusinessDayArgs};
use crate::core::calendar::YearMonth;
use crate::core::export::csv::sheet_csv;
use crate::core::i18n::Lang;
use crate::core::import::decode::Encoding;
use crate::core::import::ImportReport;
use crate::profiles::dunning::blocks::Block;
use crate::profiles::dunning::caps::caps;
use crate::profiles::dunning::days::MonthsReading;
use crate::profiles::dunning::duties::{Finding, Switches};
use crate::profiles::dunning::reports::{due, report_sheet, ReportPeriod};
use crate::profiles::dunning::Dunning;
use chrono::NaiveDate;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum WorkFormat {
    Json,
    Table,
}

/// The folder and how to read it.
#[derive(clap::Args)]
pub struct Folder {
    /// Folder holding the contract's files (debts, letters, calls, visits …).
    dir: PathBuf,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
}

impl Folder {
    /// The import, or exit 1 when a row was refused (nothing is judged on
    /// incomplete files: every refused row is printed first).
    fn load(&self) -> Result<ImportReport<Dunning>, ExitCode> {
        let report = load_dir::<Dunning>(&self.dir, self.encoding, self.lang, |_| true)?;
        if report.problems.is_empty() {
            Ok(report)
        } else {
            eprintln!("error: {} rows refused: correct them and run again", report.problems.len());
            Err(ExitCode::from(1))
        }
    }
}

#[derive(clap::Args)]
pub struct DutiesArgs {
    #[command(flatten)]
    folder: Folder,
    /// The day judged (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    as_of: NaiveDate,
    #[arg(long, value_enum, default_value = "table")]
    format: WorkFormat,
    /// The first call's earliest day after sending: 8 (「1週間経過後」, the default) or 7.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(7..=8))]
    first_call_day: u32,
    /// A ⑮ (the bureau's stop) does not end the calls.
    #[arg(long)]
    bureau_stop_keeps_calls: bool,
    /// Reaching the debtor ends the calls before the third.
    #[arg(long)]
    reaching_ends_calls: bool,
    /// ⑦ (message left) counts as reaching the debtor.
    #[arg(long)]
    message_left_reaches: bool,
    /// Weekday national holidays count as weekdays for the slot (default: as weekends).
    #[arg(long)]
    holidays_as_weekdays: bool,
    /// How "2 months after" ends: 民法143 (civil-code, in force) or the same day clamped.
    #[arg(long, value_enum, default_value_t = MonthsReading::CivilCode)]
    months_reading: MonthsReading,
    #[command(flatten)]
    days: BusinessDayArgs,
}

/// Every finding as of the day, debt by debt in the list's order.
pub fn findings(
    report: &ImportReport<Dunning>,
    switches: &Switches,
    days: &BusinessDayArgs,
    lang: Lang,
    as_of: NaiveDate,
) -> Result<Vec<Finding>, ExitCode> {
    let holidays = days.calendar(lang)?.holidays;
    let debts = report.dataset.debts_with_work();
    let uncovered: Vec<NaiveDate> = debts
        .iter()
        .flat_map(|(_, d)| d.calls.iter().map(|c| c.at.date()).chain(d.visits.iter().map(|v| v.at.date())))
        .filter(|day| !holidays.covers(*day))
        .collect();
    if let Some(first) = uncovered.iter().min() {
        eprintln!(
            "warning: the holiday table does not cover {first} ({} calls and visits): a holiday then is judged as a weekday; give --holidays FILE",
            uncovered.len()
        );
    }
    Ok(crate::profiles::dunning::pages::findings(&report.dataset, switches, &holidays, as_of))
}

pub fn duties_command(args: &DutiesArgs) -> ExitCode {
    let report = match args.folder.load() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let switches = Switches {
        first_call_day: args.first_call_day,
        bureau_stop_ends_calls: !args.bureau_stop_keeps_calls,
        reaching_ends_calls: args.reaching_ends_calls,
        message_left_reaches: args.message_left_reaches,
        holidays_as_weekend: !args.holidays_as_weekdays,
        months_reading: args.months_reading,
    };
    let found = match findings(&report, &switches, &args.days, args.folder.lang, args.as_of) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let text = match args.format {
        WorkFormat::Json => serde_json::to_string_pretty(&found).unwrap_or_default() + "\n",
        WorkFormat::Table => found
            .iter()
            .map(|f| {
                let day = |d: Option<NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
                let rule = serde_json::to_value(f.rule)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                format!(
                    "{}\t{}\t{rule}\tdue {}\tdone {}\n",
                    f.debt_id,
                    f.block.japanese(),
                    day(f.due),
                    day(f.done)
                )
            })
            .collect(),
    };
    emit(Output::Text(text), None)
}

#[derive(clap::Args)]
pub struct CapsArgs {
    #[command(flatten)]
    folder: Folder,
    #[arg(long, value_enum, default_value = "table")]
    format: WorkFormat,
}

pub fn caps_command(args: &CapsArgs) -> ExitCode {
    let report = match args.folder.load() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let blocks = caps(&report.dataset);
    let text = match args.format {
        WorkFormat::Json => serde_json::to_string_pretty(&blocks).unwrap_or_default() + "\n",
        WorkFormat::Table => blocks
            .iter()
            .flat_map(|b| {
                b.caps.iter().filter(|c| c.worked > 0).map(move |c| {
                    let edited = if c.cap.edited { " (edited)" } else { "" };
                    format!(
                        "{}\t{}\t{}\t{} / {}{edited}\tleft {}\n",
                        b.block.japanese(),
                        c.kind.japanese(),
                        c.work.code(),
                        c.worked,
                        c.cap.value,
                        c.left
                    )
                })
            })
            .collect(),
    };
    emit(Output::Text(text), None)
}

#[derive(clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    folder: Folder,
    /// The block (東京, 関東 … or tokyo, kanto …).
    #[arg(long, value_parser = parse_block)]
    block: Block,
    /// The month reported (YYYY-MM); a quarterly report covers its fiscal quarter.
    #[arg(long)]
    month: YearMonth,
    #[arg(long, value_enum, default_value = "monthly")]
    period: ReportPeriod,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

fn parse_block(text: &str) -> Result<Block, String> {
    crate::profiles::dunning::bureaus::block(text).ok_or_else(|| format!("unknown block '{text}'"))
}

pub fn report_command(args: &ReportArgs) -> ExitCode {
    let report = match args.folder.load() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let sheet = report_sheet(&report.dataset, args.block, args.period, args.month, args.folder.lang);
    eprintln!("due: {}", due(args.period, args.month));
    emit(Output::Text(sheet_csv(&sheet)), args.out.as_deref().map(Path::new))
}
