//! 日報・月報・年報 (seed 003 8(3)①): the figures of a day, of each month and of
//! the year, as sheets for CSV and print. A month is the sum of its days and
//! the year the sum of its months, from the same [`Figures`].
//!
//! > ア 架電件数（応答件数、不在件数等） イ 納付約束の件数・金額
//! > ウ 納付約束の履行件数・金額 エ 受電件数 オ その他

use super::dataset::{CallCentreDataset, Figures};
use super::quality::monthly_figures;
use crate::core::export::{Cell, Sheet};
use crate::core::i18n::{text, Lang};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which report.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ReportKind {
    /// 日報: one row per logged day.
    Daily,
    /// 月報: one row per month begun, and the total.
    Monthly,
    /// 年報: the year to date in one row.
    Yearly,
}

impl ReportKind {
    pub const ALL: &'static [ReportKind] = <ReportKind as strum::VariantArray>::VARIANTS;

    pub fn key(self) -> &'static str {
        match self {
            ReportKind::Daily => "cc.report.daily",
            ReportKind::Monthly => "cc.report.monthly",
            ReportKind::Yearly => "cc.report.yearly",
        }
    }
}

/// The column keys, in the order of [`figure_cells`].
const COLUMNS: [&str; 12] = [
    "cc.col.calls",
    "cc.col.answered",
    "cc.col.absent",
    "cc.col.calls_received",
    "cc.col.promises",
    "cc.col.promised_yen",
    "cc.col.promises_kept",
    "cc.col.kept_yen",
    "cc.col.sms",
    "cc.col.phone_entries",
    "cc.col.property_checks",
    "cc.col.property_check_persons",
];

fn figure_cells(f: &Figures) -> Vec<Cell> {
    vec![
        Cell::Int(f.calls),
        Cell::Int(f.answered),
        Cell::Int(f.absent),
        Cell::Int(f.calls_received),
        Cell::Int(f.promises),
        Cell::Yen(f.promised_yen),
        Cell::Int(f.promises_kept),
        Cell::Yen(f.kept_yen),
        Cell::Int(f.sms),
        Cell::Int(f.phone_entries),
        Cell::Int(f.property_checks),
        Cell::Int(f.property_check_persons),
    ]
}

/// The report's rows up to `as_of`: (label, figures), the total last for the
/// monthly report.
pub fn report_rows(
    data: &CallCentreDataset,
    kind: ReportKind,
    as_of: NaiveDate,
    lang: Lang,
) -> Vec<(Cell, Figures)> {
    match kind {
        ReportKind::Daily => {
            data.days.iter().filter(|d| d.date <= as_of).map(|d| (Cell::Date(d.date), d.figures)).collect()
        }
        ReportKind::Monthly => {
            let months = monthly_figures(data, as_of);
            let total = Figures::total(months.iter().map(|(_, f)| f));
            let mut rows: Vec<(Cell, Figures)> =
                months.into_iter().map(|(m, f)| (Cell::Month(m), f)).collect();
            rows.push((Cell::string(text("cc.total", lang)), total));
            rows
        }
        ReportKind::Yearly => {
            let months = monthly_figures(data, as_of);
            vec![(
                Cell::string(text("cc.report.year_label", lang)),
                Figures::total(months.iter().map(|(_, f)| f)),
            )]
        }
    }
}

/// The report as a sheet (for CSV, a workbook and the printed table).
pub fn report_sheet(data: &CallCentreDataset, kind: ReportKind, as_of: NaiveDate, lang: Lang) -> Sheet {
    let t = |key: &str| text(key, lang);
    let mut headers = vec![t(match kind {
        ReportKind::Daily => "cc.col.date",
        _ => "cc.col.month",
    })];
    headers.extend(COLUMNS.iter().map(|k| t(k)));
    let rows = report_rows(data, kind, as_of, lang)
        .into_iter()
        .map(|(label, f)| std::iter::once(label).chain(figure_cells(&f)).collect())
        .collect();
    Sheet { name: t(kind.key()), headers, rows }
}
