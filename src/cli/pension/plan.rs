//! `shuno plan DIR --as-of YYYY-MM`: the monthly inspection (seed 000 ⅩⅢ), the
//! recovery plan and rate recovery.

use super::calendar::today;
use super::settle::load_with;
use super::terminal_table::sheet_table;
use crate::cli::output::{emit, Output};
use crate::cli::PlanArgs;
use crate::core::i18n::text;
use crate::profiles::pension::records::promoted::promoted_table;
use crate::profiles::pension::rules::inspection::InspectionOptions;
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::pension::views::plan::{plan, PlanOptions};
use crate::profiles::pension::views::plan_export::{plan_workbook, sheet, PlanSheet};
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PlanFormat {
    Json,
    /// One sheet (`--sheet`) as CSV for Excel.
    Csv,
    /// Every sheet as a terminal table.
    Table,
    /// A workbook (with --out): what the plan rests on, then every sheet.
    Xlsx,
}

pub fn run(args: &PlanArgs) -> ExitCode {
    let lang = args.lang;
    let calendar = match args.days.calendar(lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let report = match load_with(&args.dir, args.encoding, lang, PensionTable::feeds_inspection) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if report.blocks_inspection() {
        eprintln!("error: {}", text("cli.inspection_blocked", lang));
        return ExitCode::from(1);
    }
    let promoted = (!report.private.is_empty() && !report.blocks_records())
        .then(|| promoted_table(&report.private, None));
    let options = PlanOptions {
        period: args.period,
        as_of: args.as_of,
        inspection: InspectionOptions {
            scope: args.scope,
            today: args.today.unwrap_or_else(today),
            monthly_fee: args.monthly_fee,
            rounding: args.rounding,
            entered: Vec::new(),
        },
        shape: args.shape,
    };
    let plan = match plan(&report.dataset, promoted.as_ref(), &calendar, &options) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {}", e.message(lang));
            return ExitCode::from(1);
        }
    };
    for e in &plan.rate_recovery_unavailable {
        eprintln!("warning: {}: {}", text("cli.rate_recovery_unavailable", lang), e.message(lang));
    }
    let output = match args.format {
        PlanFormat::Json => Output::Text(serde_json::to_string_pretty(&plan).unwrap_or_default() + "\n"),
        PlanFormat::Csv => Output::Text(crate::core::export::csv::sheet_csv(&sheet(&plan, args.sheet, lang))),
        PlanFormat::Table => Output::Text(
            <PlanSheet as strum::VariantArray>::VARIANTS
                .iter()
                .map(|w| sheet_table(&sheet(&plan, *w, lang)))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        PlanFormat::Xlsx => Output::Workbook(plan_workbook(&plan, &report.file_names(), lang)),
    };
    emit(output, args.out.as_deref())
}
