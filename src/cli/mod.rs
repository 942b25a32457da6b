//! The `shuno` command line: a thin shell that reads files, calls the core and
//! prints. Problems go to stderr, results to stdout; the exit code is 0 on
//! success, 1 when the input has problems that stop the work, 2 on usage errors.

mod call_centre;
mod dunning;
mod files;
mod output;
mod pension;

use pension::{calendar, plan, records, settle, whatif};

use crate::core::business_days::{BusinessCalendar, HolidayTable};
use crate::core::calendar::YearMonth;
use crate::core::i18n::Lang;
use crate::core::import::decode::Encoding;
use crate::core::import::schema::TableSpec;
use crate::core::money::Rounding;
use crate::profiles::pension::rules::inspection::InspectionScope;
use crate::profiles::pension::rules::projection::Pace;
use crate::profiles::pension::rules::recovery::RecoveryShape;
use crate::profiles::pension::rules::settlement::AdjustmentBase;
use crate::profiles::pension::rules::{BandMode, SettleOptions};
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::pension::views::plan_export::PlanSheet;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "shuno",
    version,
    about = "Shūnō (収納): settlement and progress for public-revenue collection contracts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a synthetic demo dataset into DIR: the pension contract's (profile
    /// A, the default), the call centre's (profile B) or the dunning contract's (C).
    Demo {
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "pension")]
        profile: DemoProfile,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Settle one period of a profile-A dataset (a folder of CSV/TSV files).
    Settle(SettleArgs),
    /// The monthly inspection (seed 000 ⅩⅢ): shortfalls against 様式1-2's plan with
    /// their 理由書 deadlines, the recovery plan, and the promoted months each
    /// office × kind needs to reach 80–120 % of target.
    Plan(PlanArgs),
    /// The contractor's reporting deadlines from the seed's rules (weekly
    /// records, the monthly forms, the self-inspection), each with its clause:
    /// a table, CSV, a workbook, or an iCalendar file for the team's calendar.
    Calendar(CalendarArgs),
    /// Settle under a what-if scenario (a JSON file: promoted months added,
    /// account-transfer counts, incident points, `"*"` for every office or
    /// kind); `{}` gives exactly `shuno settle`'s output.
    Whatif(WhatIfArgs),
    /// What a bid really earns (#15): a Monte Carlo of the settlement over the
    /// bidder's assumptions (the JSON the 入札試算 page saves): mean, P5, P50,
    /// P95 and the probability of ending below the fee, per district and in total.
    BidSim(pension::bid_sim::BidSimArgs),
    /// The workers'-compensation tender (seed 004): the bid to write for a
    /// contract amount (the award adds 8 % with fractions dropped), or a whole
    /// price build-up from volumes and unit costs.
    BidPrice(dunning::BidPriceArgs),
    /// The tender's money clauses (seed 004): late payment, penalties,
    /// repayment, settlement, moves between lines, subcontracting.
    Clause(dunning::ClauseArgs),
    /// The call centre (seed 003): the month's pace as of a day: open days,
    /// the calls target, the calls done and the calls needed per open day left.
    Pace(call_centre::AsOfArgs),
    /// The call centre (seed 003) as of a day: every month begun with its status
    /// and the day its shortfall warning began, the year to date, quality
    /// rates with their denominators, the weeks without a language, and the
    /// deadlines to come.
    CallStatus(call_centre::AsOfArgs),
    /// The call centre's daily, monthly or yearly report (日報・月報・年報) as CSV or a workbook.
    CallReport(call_centre::ReportArgs),
    /// The dunning contract (seed 004) as of a day: every timing duty missed,
    /// per debt ({debt_id, block, rule, due, done}), with the seed's switches.
    Duties(dunning::work::DutiesArgs),
    /// The dunning contract's work per block against the yearly tables: debts
    /// worked against the caps, visits against the reference, recovery cases
    /// against the lower bounds per amount band.
    Caps(dunning::work::CapsArgs),
    /// A block's monthly or quarterly report per bureau, in the seed's layout (CSV).
    DunningReport(dunning::work::ReportArgs),
    /// Import a folder without settling: every problem, and per file read = accepted + rejected.
    Check {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Lang::Ja)]
        lang: Lang,
        /// Read every file in this encoding instead of detecting it.
        #[arg(long, value_enum)]
        encoding: Option<Encoding>,
        /// Also write the rejected rows to this file: CSV (UTF-8 with BOM), or a
        /// workbook when the name ends in .xlsx.
        #[arg(long)]
        rejected: Option<PathBuf>,
    },
    /// Contractor-promoted months per office × kind × month, computed from the
    /// contact and payment records of DIR (digest A2).
    Records {
        dir: PathBuf,
        /// Ignore records after this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        through: Option<NaiveDate>,
        #[arg(long, value_enum, default_value = "json")]
        format: records::RecordsFormat,
        /// Write to this file instead of standard output (needed for xlsx).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Lang::Ja)]
        lang: Lang,
        #[arg(long, value_enum)]
        encoding: Option<Encoding>,
    },
    /// Contact-duty compliance of the delinquents of DIR as of a day (digest A3):
    /// per-office counts by bucket, overdue counts, and the overdue persons.
    Duty {
        dir: PathBuf,
        #[arg(long, value_parser = parse_day)]
        as_of: NaiveDate,
        #[arg(long, value_enum, default_value = "table")]
        format: records::RecordsFormat,
        /// Write to this file instead of standard output (needed for xlsx).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Lang::Ja)]
        lang: Lang,
        #[arg(long, value_enum)]
        encoding: Option<Encoding>,
    },
    /// Write synthetic contact, payment and delinquent records (about 8 contacts
    /// and 4 payments per person) into DIR, for benchmarks.
    BenchData {
        #[arg(long)]
        persons: u64,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print a blank file with the header of TABLE (UTF-8 with BOM, for Excel).
    Template {
        /// offices, fees, progress, targets, account_transfer, incidents, incident_scale, activity,
        /// contacts, payments, delinquents; the call centre's daily_log, monthly_targets, sunday_openings;
        /// the dunning blocks' debts, letters, calls, visits, acknowledgements, recoveries, bureau_stops,
        /// location_periods, caps, recovery_bounds, coordinators
        table: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// The contract whose demo `shuno demo` writes.
#[derive(Clone, Copy, ValueEnum)]
pub enum DemoProfile {
    Pension,
    CallCentre,
    Dunning,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Table,
    /// A workbook (with --out): the rules in force, then the settlement.
    Xlsx,
}

#[derive(clap::Args)]
pub struct SettleArgs {
    /// Folder holding the dataset's files.
    dir: PathBuf,
    /// Period 1–3 (default: the latest period in the progress data).
    #[arg(long)]
    period: Option<u8>,
    /// Provisional settlement from this month's snapshots (YYYY-MM).
    #[arg(long, value_parser = parse_month)]
    as_of: Option<YearMonth>,
    #[arg(long, value_enum, default_value_t = BandMode::Tiered)]
    band_mode: BandMode,
    #[arg(long, value_enum, default_value_t = Rounding::Truncate)]
    rounding: Rounding,
    /// What adjustments are a percentage of: the exact base (in force) or the
    /// base as rounded to yen (every yen figure then recomputes from the others).
    #[arg(long, value_enum, default_value_t = AdjustmentBase::Exact)]
    adjustment_base: AdjustmentBase,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Write to this file instead of standard output (needed for xlsx).
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    /// Read every file in this encoding instead of detecting it (utf-8, cp932, utf-16le, utf-16be).
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
}

#[derive(clap::Args)]
pub struct WhatIfArgs {
    /// The scenario file (JSON).
    #[arg(long)]
    scenario: PathBuf,
    /// Settle the period's end projected from the as-of month "if the pace
    /// holds": the average month so far, or the latest month's increment
    /// (over the scenario's "projection").
    #[arg(long, value_enum)]
    pace: Option<Pace>,
    #[command(flatten)]
    settle: SettleArgs,
}

#[derive(clap::Args)]
pub struct PlanArgs {
    /// Folder holding the dataset's files (activity, offices, and the filed
    /// 理由書 days; progress, targets and fees for rate recovery).
    dir: PathBuf,
    /// The last month inspected (YYYY-MM).
    #[arg(long, value_parser = parse_month)]
    as_of: YearMonth,
    /// Period 1–3 (default: the period of the as-of month).
    #[arg(long)]
    period: Option<u8>,
    #[arg(long, value_enum, default_value = "table")]
    format: plan::PlanFormat,
    /// The sheet written with --format csv.
    #[arg(long, value_enum, default_value = "inspections")]
    sheet: PlanSheet,
    /// Each office against its plan, or every office's total against the total plan.
    #[arg(long, value_enum, default_value_t = InspectionScope::PerOffice)]
    scope: InspectionScope,
    /// How the recovery is spread over the remaining months.
    #[arg(long, value_enum, default_value_t = RecoveryShape::Even)]
    shape: RecoveryShape,
    /// The day deadlines are judged on (default: today).
    #[arg(long, value_parser = parse_day)]
    today: Option<NaiveDate>,
    /// One month's payment in yen (default: the period fees ÷ 12).
    #[arg(long)]
    monthly_fee: Option<i64>,
    #[arg(long, value_enum, default_value_t = Rounding::Truncate)]
    rounding: Rounding,
    #[command(flatten)]
    days: BusinessDayArgs,
    /// Write to this file instead of standard output (needed for xlsx).
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
}

/// Which days are business days: the shipped holidays, a user's table over
/// them, and 12/29–1/3.
#[derive(clap::Args)]
pub struct BusinessDayArgs {
    /// A holiday table (CSV: 日付,名称[,暫定]) laid over the shipped one (2026–2030).
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Count 12/29–1/3 as business days (they are closed by default).
    #[arg(long)]
    year_end_open: bool,
}

impl BusinessDayArgs {
    /// The government calendar, with the user's holiday file over the shipped table.
    pub fn calendar(&self, lang: Lang) -> Result<BusinessCalendar, ExitCode> {
        let mut holidays = HolidayTable::shipped();
        if let Some(path) = &self.holidays {
            let content = std::fs::read_to_string(path).map_err(|e| {
                eprintln!("error: cannot read {}: {e}", path.display());
                ExitCode::from(2)
            })?;
            let name = path.display().to_string();
            let theirs = HolidayTable::parse(&name, &content).map_err(|errors| {
                for e in errors {
                    eprintln!("error: {name}: {}", e.message().render(lang));
                }
                ExitCode::from(1)
            })?;
            holidays = holidays.overlaid_with(&theirs);
        }
        Ok(BusinessCalendar { holidays, year_end_closed: !self.year_end_open })
    }
}

#[derive(clap::Args)]
pub struct CalendarArgs {
    /// The first day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    from: NaiveDate,
    /// The last day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    to: NaiveDate,
    #[arg(long, value_enum, default_value = "table")]
    format: calendar::CalendarFormat,
    #[command(flatten)]
    days: BusinessDayArgs,
    /// Write to this file instead of standard output (needed for xlsx).
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
}

impl SettleArgs {
    /// The period, as-of month, reading and rounding asked for.
    fn options(&self) -> SettleOptions {
        SettleOptions {
            period: self.period,
            as_of: self.as_of,
            band_mode: self.band_mode,
            rounding: self.rounding,
            adjustment_base: self.adjustment_base,
        }
    }
}

fn parse_month(s: &str) -> Result<YearMonth, String> {
    s.parse()
}

pub(crate) fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("'{s}' is not a day in the form YYYY-MM-DD"))
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Demo { out, seed, profile } => demo(&out, seed, profile),
        Command::Pace(args) => call_centre::pace_command(&args),
        Command::CallReport(args) => call_centre::report_command(&args),
        Command::CallStatus(args) => call_centre::status_command(&args),
        Command::Duties(args) => dunning::work::duties_command(&args),
        Command::Caps(args) => dunning::work::caps_command(&args),
        Command::DunningReport(args) => dunning::work::report_command(&args),
        Command::Settle(args) => settle::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Whatif(args) => whatif::run(&args),
        Command::BidSim(args) => pension::bid_sim::run(&args),
        Command::BidPrice(args) => dunning::bid_price_command(&args),
        Command::Clause(args) => dunning::clause_command(&args),
        Command::Calendar(args) => calendar::run(&args),
        Command::Check { dir, lang, encoding, rejected } => check(&dir, lang, encoding, rejected.as_deref()),
        Command::Records { dir, through, format, out, lang, encoding } => {
            records::records(&dir, through, format, out.as_deref(), encoding, lang)
        }
        Command::Duty { dir, as_of, format, out, lang, encoding } => {
            records::duty(&dir, as_of, format, out.as_deref(), encoding, lang)
        }
        Command::BenchData { persons, out, seed } => records::bench_data(&out, persons, seed),
        Command::Template { table, out } => template(&table, out.as_deref()),
    }
}

fn demo(out: &std::path::Path, seed: u64, profile: DemoProfile) -> ExitCode {
    let (files, readme) = match profile {
        DemoProfile::Pension => (crate::demo::generate(seed), DEMO_README),
        DemoProfile::CallCentre => {
            (crate::demo::call_centre::generate(seed), crate::demo::call_centre::README)
        }
        DemoProfile::Dunning => (crate::demo::dunning::generate(seed), crate::demo::dunning::README),
    };
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(out)?;
        for f in &files {
            std::fs::write(out.join(&f.name), &f.bytes)?;
        }
        std::fs::write(out.join("manifest.json"), crate::demo::manifest(&files))?;
        std::fs::write(out.join("README.md"), readme)
    };
    match write() {
        Ok(()) => {
            eprintln!(
                "wrote {} files of the synthetic demo dataset (seed {seed}) to {}",
                files.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write the demo dataset to {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}

const DEMO_README: &str = "# Shūnō demo dataset (synthetic)\n\n\
Generated by `shuno demo`. Every office code, name and number is invented; there is no real person or \
identifier in it. The record files (`*.synthetic.csv`: contacts, payments, delinquents) hold 400 made-up persons \
with pension numbers from 9900-000000. `incident_scale.example.csv` is an EXAMPLE points-to-rate table: the contract does not \
state one (digest A7). `offices.csv` is CP932 like an Excel export on a Japanese PC; the others are UTF-8 \
with BOM.\n\n\
架空のデモデータです。実在の人物・番号は含みません（督励・納付・滞納者の記録 *.synthetic.csv の400人も架空です）。減額率表は例示であり、契約書に定めはありません。\n";

fn check(
    dir: &std::path::Path,
    lang: Lang,
    encoding: Option<Encoding>,
    rejected: Option<&std::path::Path>,
) -> ExitCode {
    let report = match settle::load(dir, encoding, lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let Some(path) = rejected {
        use crate::core::import::problem::{problems_csv, problems_sheet};
        let is_xlsx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        let shown: Vec<_> = report.problems.iter().map(|p| p.shown()).collect();
        let written = if is_xlsx {
            let book = crate::core::export::Workbook { sheets: vec![problems_sheet(&shown, lang)] };
            output::emit(output::Output::Workbook(book), Some(path))
        } else {
            output::emit(output::Output::Text(problems_csv(&shown, lang)), Some(path))
        };
        if written != ExitCode::SUCCESS {
            return written;
        }
    }
    if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn template(table: &str, out: Option<&std::path::Path>) -> ExitCode {
    use crate::profiles::call_centre::tables::CallCentreTable;
    use crate::profiles::dunning::tables::DunningTable;
    let text = PensionTable::from_code(table)
        .map(TableSpec::template)
        .or_else(|| CallCentreTable::from_code(table).map(TableSpec::template))
        .or_else(|| DunningTable::from_code(table).map(TableSpec::template));
    let Some(text) = text else {
        let pension: Vec<&str> = PensionTable::ALL.iter().map(|t| t.code()).collect();
        let call_centre: Vec<&str> = CallCentreTable::ALL.iter().map(|t| t.code()).collect();
        let dunning: Vec<&str> = DunningTable::ALL.iter().map(|t| t.code()).collect();
        eprintln!(
            "error: unknown table '{table}'\n  pension (A): {}\n  call centre (B): {}\n  dunning (C): {}",
            pension.join(", "),
            call_centre.join(", "),
            dunning.join(", ")
        );
        return ExitCode::from(2);
    };
    output::emit(output::Output::Text(text), out)
}
