//! The settlement as a readable terminal table (East Asian wide characters count
//! two columns).

use crate::core::export::{Cell, Sheet};
use crate::core::i18n::{period_label, text, Lang};
use crate::core::money::format_yen;
use crate::profiles::pension::rules::flags;
use crate::profiles::pension::rules::Settlement;
use crate::profiles::pension::views::presentation::{percent_or_dash, rules_in_force, stepped_or_dash};
use unicode_width::UnicodeWidthStr;

fn pad(s: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(s.width()));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// Rows in aligned columns, those from `right_aligned_from` on right-aligned.
pub fn render_table(rows: &[Vec<String>], right_aligned_from: usize) -> String {
    render(rows, right_aligned_from)
}

fn render(rows: &[Vec<String>], right_aligned_from: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let right: Vec<bool> = (0..columns).map(|i| i >= right_aligned_from).collect();
    render_aligned(rows, &right)
}

fn render_aligned(rows: &[Vec<String>], right: &[bool]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.width()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, s)| pad(s, widths[i], right.get(i).copied().unwrap_or(false)))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub fn settlement_table(s: &Settlement, lang: Lang) -> String {
    let mut out = format!(
        "{} ({}〜{})  {} {}{}  {}\n\n",
        period_label(s.period, lang),
        s.period_first,
        s.period_last,
        text("table.as_of", lang),
        s.as_of,
        if s.provisional { format!(" ({})", text("table.provisional", lang)) } else { String::new() },
        rules_in_force(&s.rules, lang),
    );
    let mut rows = vec![[
        "code",
        "office",
        "kind",
        "rate",
        "target",
        "ratio",
        "adj",
        "base",
        "achievement",
        "transfer",
        "incident",
        "total",
    ]
    .iter()
    .map(|k| text(&format!("table.col.{k}"), lang))
    .collect::<Vec<_>>()];
    for o in &s.offices {
        for (i, k) in o.kinds.iter().enumerate() {
            let first = i == 0;
            rows.push(vec![
                if first { o.office_code.clone() } else { String::new() },
                if first { o.office_name.clone() } else { String::new() },
                text(&format!("kind.{}", k.kind.code()), lang),
                percent_or_dash(k.rate),
                percent_or_dash(k.target),
                stepped_or_dash(k),
                format!("{}%", k.adjustment_percent),
                format_yen(k.base_yen),
                format_yen(k.achievement_adjustment_yen),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        rows.push(vec![
            String::new(),
            if o.flags.is_empty() {
                String::new()
            } else {
                format!("⚠ {}", flags::labels(&o.flags, lang, " / "))
            },
            text("table.office_total", lang),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            format_yen(o.base_yen),
            format_yen(o.achievement_adjustment_yen),
            format_yen(o.account_transfer_adjustment_yen),
            format_yen(o.incident_deduction_yen),
            format_yen(o.total_yen),
        ]);
    }
    out.push_str(&render(&rows, 3));
    out.push('\n');
    if s.instruction_trigger {
        out.push_str(&format!("⚠ {}\n", text("overview.instruction_trigger", lang)));
    }
    for d in &s.districts {
        out.push_str(&format!(
            "{} {}: {} {}  {} {}  {} {}{}\n",
            text("table.district", lang),
            d.district,
            text("table.period_fee", lang),
            format_yen(d.period_fee_yen),
            text("table.col.base", lang),
            format_yen(d.base_yen),
            text("table.col.total", lang),
            format_yen(d.total_yen),
            if d.flags.is_empty() {
                String::new()
            } else {
                format!("  ⚠ {}", flags::labels(&d.flags, lang, " / "))
            },
        ));
    }
    out
}

/// Any sheet as a terminal table under its name: counts, yen and numbers
/// right-aligned, as in Excel.
pub fn sheet_table(sheet: &Sheet) -> String {
    let numeric: Vec<bool> = (0..sheet.headers.len())
        .map(|c| {
            sheet.rows.iter().any(|r| matches!(r.get(c), Some(Cell::Int(_) | Cell::Yen(_) | Cell::Number(_))))
        })
        .collect();
    let mut rows = vec![sheet.headers.clone()];
    rows.extend(sheet.rows.iter().map(|r| r.iter().map(Cell::plain).collect()));
    format!("{}\n{}", sheet.name, render_aligned(&rows, &numeric))
}
