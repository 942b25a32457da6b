//! The record engine's results as files: the promoted-months table and the
//! overdue-person list as sheets (CSV or .xlsx), the duty report as plain text
//! for a terminal.

use super::duty::{Bucket, DutyReport};
use super::promoted::PromotedTable;
use super::tables::{Choice, Method};
use crate::core::export::csv::sheet_csv;
use crate::core::export::{about_sheet, Cell, Sheet, Workbook};
use crate::core::i18n::{text, Lang};
use chrono::NaiveDate;

/// One line per office × kind × month; `actions_*` per method and in total.
pub fn promoted_sheet(table: &PromotedTable, lang: Lang) -> Sheet {
    let mut headers: Vec<String> =
        ["office_code", "kind", "month", "promoted_months", "promoted_months_to_date", "qualifying_contacts"]
            .map(|k| text(&format!("promoted.col.{k}"), lang))
            .to_vec();
    headers.extend(
        Method::ALL.iter().map(|m| format!("{}_{}", text("promoted.col.actions", lang), m.name(lang))),
    );
    headers.push(text("promoted.col.actions_total", lang));
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                Cell::string(&r.office_code),
                Cell::string(r.kind.code()),
                Cell::Month(r.month),
                Cell::count(r.promoted_months),
                Cell::count(r.promoted_months_to_date),
                Cell::count(r.qualifying_contacts),
            ];
            row.extend(Method::ALL.iter().map(|m| Cell::count(r.actions.get(*m))));
            row.push(Cell::count(r.actions.total()));
            row
        })
        .collect();
    Sheet { name: text("sheet.promoted", lang), headers, rows }
}

pub fn promoted_csv(table: &PromotedTable, lang: Lang) -> String {
    sheet_csv(&promoted_sheet(table, lang))
}

/// The overdue persons, one per line, headed in `lang`.
pub fn duty_sheet(report: &DutyReport, lang: Lang) -> Sheet {
    let headers = [
        "person",
        "office",
        "bucket",
        "provided",
        "unpaid_months",
        "exemption_flag",
        "last_action",
        "due",
        "days_overdue",
    ]
    .map(|k| text(&format!("duty.col.{k}"), lang))
    .to_vec();
    let rows = report
        .overdue
        .iter()
        .map(|p| {
            vec![
                Cell::string(p.person.to_string()),
                Cell::string(&p.office_code),
                Cell::string(p.bucket.code()),
                Cell::Date(p.provided),
                Cell::Int(p.unpaid_months.into()),
                if p.exemption_flag == 0 { Cell::Empty } else { Cell::Int(p.exemption_flag.into()) },
                Cell::opt_date(p.last_action),
                Cell::Date(p.due),
                Cell::Int(p.days_overdue),
            ]
        })
        .collect();
    Sheet { name: text("sheet.overdue", lang), headers, rows }
}

pub fn duty_csv(report: &DutyReport, lang: Lang) -> String {
    sheet_csv(&duty_sheet(report, lang))
}

/// The first sheet of a records workbook: the day the figures are read at (or
/// through) and the source files.
fn day_sheet(day_key: &str, day: Option<NaiveDate>, sources: &[String], lang: Lang) -> Sheet {
    about_sheet(vec![(text(day_key, lang), Cell::opt_date(day))], sources, lang)
}

/// The promoted months with what they were computed from.
pub fn promoted_workbook(
    table: &PromotedTable,
    through: Option<NaiveDate>,
    sources: &[String],
    lang: Lang,
) -> Workbook {
    Workbook {
        sheets: vec![day_sheet("rules_sheet.through", through, sources, lang), promoted_sheet(table, lang)],
    }
}

/// `督励月数_2027-06-30` (or `_全期間` when not cut off at a day).
pub fn promoted_file_stem(through: Option<NaiveDate>, lang: Lang) -> String {
    let day = through.map_or_else(|| text("export.all_days", lang), |d| d.to_string());
    format!("{}_{day}", text("sheet.promoted", lang))
}

/// `期限超過者_2027-06-30`.
pub fn duty_file_stem(report: &DutyReport, lang: Lang) -> String {
    let day = report.as_of.map(|d| format!("_{d}")).unwrap_or_default();
    format!("{}{day}", text("sheet.overdue", lang))
}

/// The overdue persons with what they were computed from.
pub fn duty_workbook(report: &DutyReport, sources: &[String], lang: Lang) -> Workbook {
    Workbook { sheets: vec![day_sheet("duty.as_of", report.as_of, sources, lang), duty_sheet(report, lang)] }
}

/// Per-office counts, then the overdue list, aligned for a terminal.
pub fn duty_table(report: &DutyReport, lang: Lang) -> String {
    let mut out = String::new();
    let as_of = report.as_of.map(|d| d.to_string()).unwrap_or_default();
    out.push_str(&format!("{} {as_of}\n", text("duty.as_of", lang)));
    out.push_str(&format!("{:<8}", text("duty.col.office", lang)));
    for b in Bucket::ALL {
        out.push_str(&format!(" {:>14}", format!("{} ({})", b.code(), text("duty.overdue_short", lang))));
    }
    out.push_str(&format!(" {:>8}\n", text("duty.forced_short", lang)));
    for o in &report.offices {
        out.push_str(&format!("{:<8}", o.office_code));
        for i in 0..3 {
            out.push_str(&format!(" {:>14}", format!("{} ({})", o.persons[i], o.overdue[i])));
        }
        out.push_str(&format!(" {:>8}\n", o.forced));
    }
    out.push('\n');
    out.push_str(&format!("{} {}\n", text("duty.overdue_list", lang), report.overdue.len()));
    for p in &report.overdue {
        out.push_str(&format!(
            "{}  {:<6} {:>4}  {} {}  {} {}  {} {}\n",
            p.person,
            p.office_code,
            p.bucket.code(),
            text("duty.col.due", lang),
            p.due,
            text("duty.col.last_action", lang),
            p.last_action.map_or("—".to_string(), |d| d.to_string()),
            text("duty.col.days_overdue", lang),
            p.days_overdue,
        ));
    }
    out
}
