//! `shuno calendar --from DAY --to DAY`: the reporting deadlines (seed 000 Ⅴ3–4,
//! ⅩⅢ1).

use crate::cli::output::{emit, Output};
use crate::cli::CalendarArgs;
use crate::core::export::csv::sheet_csv;
use crate::core::export::Workbook;
use crate::profiles::pension::reporting::reporting_calendar;
use crate::profiles::pension::views::reporting::{calendar_ics, calendar_sheet};
use chrono::NaiveDate;
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum CalendarFormat {
    Table,
    Csv,
    /// A workbook (with --out).
    Xlsx,
    /// iCalendar (RFC 5545): one all-day event per deadline, for Outlook or Google Calendar.
    Ics,
}

pub fn run(args: &CalendarArgs) -> ExitCode {
    let lang = args.lang;
    if args.to < args.from {
        eprintln!("error: --to {} is before --from {}", args.to, args.from);
        return ExitCode::from(2);
    }
    let calendar = match args.days.calendar(lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let deadlines = reporting_calendar(args.from, args.to, &calendar);
    let sheet = calendar_sheet(&deadlines, lang);
    let output = match args.format {
        CalendarFormat::Table => Output::Text(super::terminal_table::sheet_table(&sheet)),
        CalendarFormat::Csv => Output::Text(sheet_csv(&sheet)),
        CalendarFormat::Xlsx => Output::Workbook(Workbook { sheets: vec![sheet] }),
        CalendarFormat::Ics => Output::Text(calendar_ics(&deadlines, today(), lang)),
    };
    emit(output, args.out.as_deref())
}

/// Today (UTC) from the system clock: `--today`'s default and an .ics stamp.
pub fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(days)))
        .unwrap_or_default()
}
