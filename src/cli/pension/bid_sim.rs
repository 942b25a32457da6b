//! `shuno bid-sim FILE`: the bidder's Monte Carlo (#15) over the page's saved
//! JSON. Offices, due months and targets come from the file's `data` folder
//! (relative to the file), `--data`, or its `synthetic` district.

use super::settle::load;
use super::terminal_table::render_table;
use crate::cli::output::{emit, Output};
use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
use crate::core::money::format_yen;
use crate::profiles::pension::bidding::summary::Summary;
use crate::profiles::pension::bidding::{self, synthetic, BidInput, BidResult};
use clap::ValueEnum;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum BidFormat {
    Json,
    Table,
}

#[derive(clap::Args)]
pub struct BidSimArgs {
    /// The bid's assumptions (the JSON the 入札試算 page saves).
    file: PathBuf,
    /// The data folder (over the file's "data").
    #[arg(long)]
    data: Option<PathBuf>,
    /// Runs (over the file's "runs"; default 10,000).
    #[arg(long)]
    runs: Option<u32>,
    /// The generator's seed (over the file's "seed"; default 1).
    #[arg(long)]
    seed: Option<u64>,
    #[arg(long, value_enum, default_value = "table")]
    format: BidFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
}

pub fn run(args: &BidSimArgs) -> ExitCode {
    let lang = args.lang;
    let input = match read_input(&args.file) {
        Ok(input) => BidInput { runs: args.runs.or(input.runs), seed: args.seed.or(input.seed), ..input },
        Err(message) => {
            eprintln!("error: {}: {message}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let folder = args.data.clone().or_else(|| {
        let data = PathBuf::from(input.data.as_ref()?);
        Some(if data.is_relative() { args.file.parent().unwrap_or(Path::new(".")).join(data) } else { data })
    });
    let data = match (&folder, &input.synthetic) {
        (Some(dir), _) => match load(dir, args.encoding, lang) {
            Ok(report) if report.blocks_settlement() => {
                eprintln!("error: {}", text("cli.blocked_by_problems", lang));
                return ExitCode::from(1);
            }
            Ok(report) => report.dataset,
            Err(code) => return code,
        },
        (None, Some(s)) => match synthetic::dataset(s) {
            Ok(data) => data,
            Err(e) => {
                eprintln!("error: {}: {}", args.file.display(), e.message(lang));
                return ExitCode::from(1);
            }
        },
        (None, None) => {
            eprintln!("error: {}: {}", args.file.display(), text("cli.bid_no_data", lang));
            return ExitCode::from(2);
        }
    };
    match bidding::run(&data, &input, |_| ControlFlow::Continue(())) {
        Ok(Some(result)) => {
            let output = match args.format {
                BidFormat::Json => serde_json::to_string_pretty(&result).unwrap_or_default() + "\n",
                BidFormat::Table => table(&result, lang),
            };
            emit(Output::Text(output), args.out.as_deref())
        }
        Ok(None) => ExitCode::from(1),
        Err(errors) => {
            let file = args.file.display();
            errors.iter().for_each(|e| eprintln!("error: {file}: {}", e.message(lang)));
            ExitCode::from(1)
        }
    }
}

fn read_input(path: &Path) -> Result<BidInput, String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

fn table(result: &BidResult, lang: Lang) -> String {
    let periods: Vec<String> = result.periods.iter().map(u8::to_string).collect();
    let heading = text("bid.heading", lang)
        .replace("%{runs}", &result.runs.to_string())
        .replace("%{seed}", &result.seed.to_string())
        .replace("%{periods}", &periods.join("・"));
    let columns = ["district", "fee", "mean", "p5", "p50", "p95", "prob_below", "decrease", "increase"];
    let mut rows = vec![columns.iter().map(|c| text(&format!("bid.col.{c}"), lang)).collect::<Vec<_>>()];
    let row = |s: &Summary| {
        let name = s.district.clone().unwrap_or_else(|| text("bid.total", lang));
        let yen = [s.fee_yen, s.mean, s.p5, s.p50, s.p95].map(format_yen);
        let mut cells = vec![name];
        cells.extend(yen);
        cells.push(format!("{:.1}%", s.prob_below_fee * rust_decimal::Decimal::ONE_HUNDRED));
        cells.extend([s.expected_decrease_yen, s.expected_increase_yen].map(format_yen));
        cells
    };
    rows.extend(result.districts.iter().map(row));
    rows.push(row(&result.total));
    let mut drivers = vec![["table.col.code", "table.col.office", "bid.col.district", "bid.col.share"]
        .map(|k| text(k, lang))
        .to_vec()];
    for d in &result.drivers {
        let share = format!("{}%", d.share_percent);
        drivers.push(vec![d.office_code.clone(), d.office_name.clone(), d.district.clone(), share]);
    }
    format!(
        "{heading}\n{}\n\n{}\n{}:\n{}",
        text("bid.method", lang),
        render_table(&rows, 1),
        text("bid.drivers", lang),
        render_table(&drivers, 3)
    )
}
