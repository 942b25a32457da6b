//! The reporting calendar as the page, the CLI and the exports show it: each
//! deadline with the report's name, the period it covers, the clause, and
//! whether its day moved; as a sheet (CSV, workbook) or an iCalendar file.

use crate::core::export::{Cell, Sheet};
use crate::core::i18n::{text, Lang};
use crate::profiles::pension::reporting::{to_ics, Deadline, Report};
use chrono::NaiveDate;

/// The report's name in `lang`: 別添報告様式1-2（督励実施結果）…
pub fn report_name(report: Report, lang: Lang) -> String {
    text(&format!("report.{}", report.code()), lang)
}

/// Whether the written day moved, or is closed and kept (in words).
pub fn day_note(d: &Deadline, lang: Lang) -> String {
    match (d.moved, d.written_day_closed) {
        (true, _) => text("report.moved", lang),
        (false, true) => text("report.closed_kept", lang),
        (false, false) => String::new(),
    }
}

pub fn calendar_sheet(deadlines: &[Deadline], lang: Lang) -> Sheet {
    let columns = ["due", "report", "covers_from", "covers_to", "clause", "note"];
    Sheet {
        name: text("report.sheet", lang),
        headers: columns.iter().map(|c| text(&format!("report.col.{c}"), lang)).collect(),
        rows: deadlines
            .iter()
            .map(|d| {
                vec![
                    Cell::Date(d.due),
                    Cell::string(report_name(d.report, lang)),
                    Cell::Date(d.covers_from),
                    Cell::Date(d.covers_to),
                    Cell::string(d.report.clause()),
                    Cell::string(day_note(d, lang)),
                ]
            })
            .collect(),
    }
}

/// The calendar as an .ics file, each event named in `lang`.
pub fn calendar_ics(deadlines: &[Deadline], stamp: NaiveDate, lang: Lang) -> String {
    to_ics(deadlines, stamp, |r| report_name(r, lang))
}
