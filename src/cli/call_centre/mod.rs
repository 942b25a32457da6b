//! Profile B's commands: `shuno pace` (the month's pace as of a day) and
//! `shuno call-report` (日報・月報・年報 as CSV or a workbook).

use super::files::load_dir;
use super::output::{emit, Output};
use super::{parse_day, BusinessDayArgs};
use status::print_status;

mod status;
use crate::core::business_days::HolidayTable;
use crate::core::export::csv::sheet_csv;
use crate::core::export::Workbook;
use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
use crate::profiles::call_centre::dataset::CallCentreDataset;
use crate::profiles::call_centre::progress::month_progress;
use crate::profiles::call_centre::progress::Capacity;
use crate::profiles::call_centre::quality::KeptBasis;
use crate::profiles::call_centre::reports::{report_sheet, ReportKind};
use crate::profiles::call_centre::view::{calendar, overview, Options, Pace};
use crate::profiles::call_centre::CallCentre;
use chrono::NaiveDate;
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum PaceFormat {
    Json,
    Table,
}

/// `shuno pace` and `shuno call-status`: a folder judged as of a day.
#[derive(clap::Args)]
pub struct AsOfArgs {
    /// Folder holding the call centre's files (daily log, monthly targets, Sunday openings).
    dir: PathBuf,
    /// The day judged, its figures included (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    as_of: NaiveDate,
    #[arg(long, value_enum, default_value = "table")]
    format: PaceFormat,
    #[command(flatten)]
    choices: Choices,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
}

/// The choices the seed leaves open.
#[derive(clap::Args)]
pub struct Choices {
    /// Phone lines staffed (the ward provides 2: seed 003 16(1)①).
    #[arg(long, default_value_t = Capacity::default().lines)]
    lines: u32,
    /// Calls one line makes in an hour (the seed gives none: your figure).
    #[arg(long, default_value_t = Capacity::default().calls_per_line_hour)]
    calls_per_line_hour: u32,
    /// How the log dates its kept promises.
    #[arg(long, value_enum, default_value_t = KeptBasis::PromiseMonth)]
    kept_basis: KeptBasis,
    /// The monthly report's deadline: the nth ward business day of the next
    /// month (the seed sets none).
    #[arg(long)]
    report_day: Option<u32>,
    #[command(flatten)]
    days: BusinessDayArgs,
}

impl Choices {
    /// The options and the calendar's holidays, or the exit code when the
    /// holiday file is unreadable.
    fn options(&self, lang: Lang) -> Result<(Options, HolidayTable), ExitCode> {
        let business = self.days.calendar(lang)?;
        let options = Options {
            year_end_closed: business.year_end_closed,
            capacity: Capacity { lines: self.lines, calls_per_line_hour: self.calls_per_line_hour },
            kept_basis: self.kept_basis,
            report_day: self.report_day,
        };
        Ok((options, business.holidays))
    }
}

#[derive(clap::Args)]
pub struct ReportArgs {
    dir: PathBuf,
    /// Days up to and including this one (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    as_of: NaiveDate,
    #[arg(long, value_enum, default_value = "monthly")]
    kind: ReportKind,
    /// csv (UTF-8 with BOM, for Excel) or xlsx (with --out).
    #[arg(long, value_enum, default_value = "csv")]
    format: ReportFormat,
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Csv,
    Xlsx,
}

/// The folder's dataset, or the exit code when a file or a row was lost.
fn load(dir: &Path, encoding: Option<Encoding>, lang: Lang) -> Result<CallCentreDataset, ExitCode> {
    let report = load_dir::<CallCentre>(dir, encoding, lang, |_| true)?;
    if report.lost_rows_of(|_| true) {
        eprintln!("error: {}", text("cc.cli.blocked", lang));
        return Err(ExitCode::from(1));
    }
    Ok(report.dataset)
}

impl AsOfArgs {
    /// The folder's dataset, the options and the holidays, or the exit code.
    fn load(&self) -> Result<(CallCentreDataset, Options, HolidayTable), ExitCode> {
        let data = load(&self.dir, self.encoding, self.lang)?;
        let (options, holidays) = self.choices.options(self.lang)?;
        Ok((data, options, holidays))
    }
}

pub fn pace_command(args: &AsOfArgs) -> ExitCode {
    let (data, options, holidays) = match args.load() {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let progress = month_progress(&data, &calendar(&data, holidays, &options), args.as_of);
    let (p, status) = (Pace::of(&progress), progress.status(options.capacity));
    let out = match args.format {
        PaceFormat::Json => serde_json::to_string_pretty(&p).unwrap_or_default() + "\n",
        PaceFormat::Table => {
            let t = |k: &str| text(k, args.lang);
            let needed = p.calls_needed_per_open_day.map_or("-".to_string(), |n| n.to_string());
            format!(
                "{}\t{}\n{}\t{}\n{}\t{}\n{}\t{}\n{}\t{}\n{}\t{}\n{}\t{}\n",
                t("cc.pace.month"),
                p.month,
                t("cc.pace.open_days_total"),
                p.open_days_total,
                t("cc.pace.open_days_left"),
                p.open_days_left,
                t("cc.pace.calls_target"),
                p.calls_target,
                t("cc.pace.calls_done"),
                p.calls_done,
                t("cc.pace.calls_needed_per_open_day"),
                needed,
                t("cc.pace.status"),
                t(status.key()),
            )
        }
    };
    emit(Output::Text(out), None)
}

/// `shuno call-status`: every month begun, the year, quality, the language
/// weeks and the deadlines to come.
pub fn status_command(args: &AsOfArgs) -> ExitCode {
    let (data, options, holidays) = match args.load() {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let o = overview(&data, holidays, options, args.as_of);
    let text = match args.format {
        PaceFormat::Json => serde_json::to_string_pretty(&o).unwrap_or_default() + "\n",
        PaceFormat::Table => print_status(&o, args.lang),
    };
    emit(Output::Text(text), None)
}

pub fn report_command(args: &ReportArgs) -> ExitCode {
    let data = match load(&args.dir, args.encoding, args.lang) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let sheet = report_sheet(&data, args.kind, args.as_of, args.lang);
    let output = match args.format {
        ReportFormat::Csv => Output::Text(sheet_csv(&sheet)),
        ReportFormat::Xlsx => Output::Workbook(Workbook { sheets: vec![sheet] }),
    };
    emit(output, args.out.as_deref())
}
