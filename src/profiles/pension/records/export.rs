//! The record engine's results as files: the promoted-months table and the
//! overdue-person list as CSV (UTF-8 with BOM, for Excel), the duty report as
//! plain text for a terminal.

use super::duty::{Bucket, DutyReport};
use super::promoted::PromotedTable;
use super::tables::{Choice, Method};
use crate::core::i18n::{text, Lang};

fn csv_with_bom(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&row);
    }
    format!("\u{FEFF}{}", String::from_utf8_lossy(&w.into_inner().unwrap_or_default()))
}

/// One line per office × kind × month; `actions_*` per method and in total.
pub fn promoted_csv(table: &PromotedTable) -> String {
    let mut header: Vec<String> =
        ["office_code", "kind", "month", "promoted_months", "promoted_months_to_date", "qualifying_contacts"]
            .map(String::from)
            .to_vec();
    header.extend(Method::ALL.iter().map(|m| format!("actions_{}", m.english())));
    header.push("actions_total".into());
    let rows = table.rows.iter().map(|r| {
        let mut row = vec![
            r.office_code.clone(),
            r.kind.code().to_string(),
            r.month.to_string(),
            r.promoted_months.to_string(),
            r.promoted_months_to_date.to_string(),
            r.qualifying_contacts.to_string(),
        ];
        row.extend(Method::ALL.iter().map(|m| r.actions.get(*m).to_string()));
        row.push(r.actions.total().to_string());
        row
    });
    csv_with_bom(std::iter::once(header).chain(rows))
}

/// The overdue persons, one per line, headed in `lang`.
pub fn duty_csv(report: &DutyReport, lang: Lang) -> String {
    let header = [
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
    let rows = report.overdue.iter().map(|p| {
        vec![
            p.person.to_string(),
            p.office_code.clone(),
            p.bucket.code().to_string(),
            p.provided.to_string(),
            p.unpaid_months.to_string(),
            if p.exemption_flag == 0 { String::new() } else { p.exemption_flag.to_string() },
            p.last_action.map(|d| d.to_string()).unwrap_or_default(),
            p.due.to_string(),
            p.days_overdue.to_string(),
        ]
    });
    csv_with_bom(std::iter::once(header).chain(rows))
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
