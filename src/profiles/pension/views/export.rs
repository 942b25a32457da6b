//! The settlement as an export: one row per office × kind with the base and
//! achievement adjustment, then one `office` row per office with the
//! account-transfer and incident adjustments and the total, so that summing any
//! yen column gives the right figure. As CSV for Excel ([`settlement_csv`]) or
//! as a workbook whose first sheet states the rules in force
//! ([`settlement_workbook`]).

use crate::core::export::csv::sheet_csv;
use crate::core::export::{about_sheet, Cell, Sheet, Workbook};
use crate::core::i18n::{period_label, text, Lang};
use crate::profiles::pension::rules::flags;
use crate::profiles::pension::rules::settlement::{OfficeSettlement, Settlement};

const COLUMNS: [&str; 20] = [
    "period",
    "as_of",
    "band_mode",
    "rounding",
    "office_code",
    "office_name",
    "prefecture",
    "district",
    "kind",
    "rate",
    "target",
    "ratio",
    "adjustment_percent",
    "base_yen",
    "achievement_adjustment_yen",
    "account_transfer_adjustment_yen",
    "incident_points",
    "incident_deduction_yen",
    "total_yen",
    "flags",
];

/// The eight cells every row of an office starts with.
fn lead(s: &Settlement, o: &OfficeSettlement) -> Vec<Cell> {
    vec![
        Cell::Int(s.period.into()),
        Cell::Month(s.as_of),
        Cell::string(s.rules.band_mode.code()),
        Cell::string(s.rules.rounding.code()),
        Cell::string(&o.office_code),
        Cell::string(&o.office_name),
        Cell::string(&o.prefecture),
        Cell::string(&o.district),
    ]
}

/// The settlement table, headed in `lang`.
pub fn settlement_sheet(s: &Settlement, lang: Lang) -> Sheet {
    let mut rows = Vec::new();
    for o in &s.offices {
        for k in &o.kinds {
            let mut row = lead(s, o);
            row.extend([
                Cell::string(k.kind.code()),
                Cell::opt_ratio(k.rate),
                Cell::opt_ratio(k.target),
                Cell::opt_ratio(k.ratio),
                Cell::Number(k.adjustment_percent),
                Cell::Yen(k.base_yen),
                Cell::Yen(k.achievement_adjustment_yen),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::string(flags::kind_codes(&k.flags)),
            ]);
            rows.push(row);
        }
        let mut row = lead(s, o);
        row.extend([Cell::string("office"), Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
        row.extend([
            Cell::Empty,
            Cell::Yen(o.account_transfer_adjustment_yen),
            Cell::Int(o.incident_points),
            Cell::Yen(o.incident_deduction_yen),
            Cell::Yen(o.total_yen),
            Cell::string(flags::codes(&o.flags)),
        ]);
        rows.push(row);
    }
    Sheet {
        name: text("sheet.settlement", lang),
        headers: COLUMNS.iter().map(|c| text(&format!("csv.{c}"), lang)).collect(),
        rows,
    }
}

/// What the figures rest on: the contract clause, period, as-of month, band
/// reading, rounding, and the source files.
pub fn rules_sheet(s: &Settlement, sources: &[String], lang: Lang) -> Sheet {
    let t = |key: &str| text(key, lang);
    let row = |key: &str, value: Cell| (t(key), value);
    let facts = vec![
        row("rules_sheet.contract", Cell::string(&s.rules.seed)),
        row("csv.period", Cell::Int(s.period.into())),
        row("rules_sheet.first_month", Cell::Month(s.period_first)),
        row("rules_sheet.last_month", Cell::Month(s.period_last)),
        row("csv.as_of", Cell::Month(s.as_of)),
        row(
            "rules_sheet.provisional",
            Cell::string(t(if s.provisional { "rules_sheet.yes" } else { "rules_sheet.no" })),
        ),
        row("csv.band_mode", Cell::string(t(&format!("band.{}", s.rules.band_mode.code())))),
        row("csv.rounding", Cell::string(t(&format!("rounding.{}", s.rules.rounding.code())))),
        row(
            "overview.adjustment_base",
            Cell::string(t(&format!("adjustment_base.{}", s.rules.adjustment_base.code()))),
        ),
        row("rules_sheet.step_percent", Cell::Number(s.rules.step_percent)),
    ];
    about_sheet(facts, sources, lang)
}

pub fn settlement_csv(s: &Settlement, lang: Lang) -> String {
    sheet_csv(&settlement_sheet(s, lang))
}

/// The rules in force, then the settlement.
pub fn settlement_workbook(s: &Settlement, sources: &[String], lang: Lang) -> Workbook {
    Workbook { sheets: vec![rules_sheet(s, sources, lang), settlement_sheet(s, lang)] }
}

/// The file name of an export, without extension: `精算_第1期_2027-04`.
pub fn settlement_file_stem(s: &Settlement, lang: Lang) -> String {
    let period = period_label(s.period, lang).replace(' ', "-");
    format!("{}_{period}_{}", text("sheet.settlement", lang), s.as_of)
}
