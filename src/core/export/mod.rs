//! Exports as data: a [`Workbook`] of [`Sheet`]s of typed [`Cell`]s, built by a
//! profile's views and written by [`csv`] (one sheet, safe for spreadsheets) or
//! [`xlsx`] (every sheet, with real types). Both writers read the same model, so
//! a CSV and a workbook of one table cannot disagree.

pub mod csv;
pub mod xlsx;

use crate::core::calendar::YearMonth;
use crate::core::i18n::{text, Lang};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One cell, typed: numbers stay numbers in a workbook, and only [`Cell::Text`]
/// can carry what a user typed (so only text is ever neutralised).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    /// Text from a source file or a label: written so that no spreadsheet runs it.
    Text(String),
    /// A count.
    Int(i64),
    /// A yen figure (`¥#,##0` in a workbook).
    Yen(i64),
    /// A plain number, written with all its places.
    Number(#[serde(with = "rust_decimal::serde::str")] Decimal),
    /// A fraction shown as a percent in a workbook (`0.3129509380` → 31.30 %);
    /// the CSV keeps the fraction with all its places.
    Ratio(#[serde(with = "rust_decimal::serde::str")] Decimal),
    Date(NaiveDate),
    Month(YearMonth),
}

impl Cell {
    pub fn string(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// Text, or empty when there is none.
    pub fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    /// A count (counts beyond `i64::MAX` do not occur: saturated, not wrapped).
    pub fn count(n: u64) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    pub fn opt_ratio(d: Option<Decimal>) -> Cell {
        d.map_or(Cell::Empty, Cell::Ratio)
    }

    pub fn opt_date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    /// The cell as CSV text (before neutralising): numbers as Rust prints them,
    /// dates in ISO form.
    pub fn plain(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) | Cell::Yen(n) => n.to_string(),
            Cell::Number(d) | Cell::Ratio(d) => d.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Month(m) => m.to_string(),
        }
    }
}

/// One table: a name (the sheet's tab), the headers, and the rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The first sheet of an export: what its figures rest on (`facts`: a label and
/// a value each), then one row per source file.
pub fn about_sheet(facts: Vec<(String, Cell)>, sources: &[String], lang: Lang) -> Sheet {
    let t = |key: &str| text(key, lang);
    let mut rows: Vec<Vec<Cell>> =
        facts.into_iter().map(|(label, value)| vec![Cell::Text(label), value]).collect();
    rows.extend(sources.iter().map(|f| vec![Cell::string(t("rules_sheet.source")), Cell::string(f)]));
    Sheet { name: t("sheet.rules"), headers: vec![t("rules_sheet.item"), t("rules_sheet.value")], rows }
}

/// The sheets of one export, in order (the rules in force first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}
