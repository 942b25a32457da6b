//! A [`Workbook`] as an .xlsx file (rust_xlsxwriter): one worksheet per sheet,
//! the header row bold, frozen and filterable, and every cell typed: counts and
//! yen as numbers (`¥#,##0`), ratios as percents, days and months as dates. Text
//! is written as a string cell, which Excel never evaluates.

use super::{Cell, Sheet, Workbook};
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet, XlsxError};

/// Excel's limit on a sheet name's length.
const SHEET_NAME_MAX: usize = 31;

struct Formats {
    header: Format,
    yen: Format,
    ratio: Format,
    date: Format,
    month: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold(),
            yen: Format::new().set_num_format("¥#,##0"),
            ratio: Format::new().set_num_format("0.00%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            month: Format::new().set_num_format("yyyy-mm"),
        }
    }
}

/// Why a workbook could not be written (a sheet name Excel refuses, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxWriteError(pub String);

impl From<XlsxError> for XlsxWriteError {
    fn from(e: XlsxError) -> Self {
        XlsxWriteError(e.to_string())
    }
}

/// A sheet name Excel accepts: without `[]:*?/\` and at most 31 characters.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).collect();
    clean.chars().take(SHEET_NAME_MAX).collect()
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    // Month and day always fit a u8.
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

fn write_cell(ws: &mut Worksheet, row: u32, col: u16, cell: &Cell, f: &Formats) -> Result<(), XlsxError> {
    let number = |d: &rust_decimal::Decimal| d.to_f64().unwrap_or(f64::NAN);
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            ws.write_string(row, col, s)?;
        }
        // Counts and yen up to 2^53 are exact in a double.
        Cell::Int(n) => {
            ws.write_number(row, col, *n as f64)?;
        }
        Cell::Yen(n) => {
            ws.write_number_with_format(row, col, *n as f64, &f.yen)?;
        }
        Cell::Number(d) => {
            ws.write_number(row, col, number(d))?;
        }
        Cell::Ratio(d) => {
            ws.write_number_with_format(row, col, number(d), &f.ratio)?;
        }
        Cell::Date(d) => {
            ws.write_datetime_with_format(row, col, excel_date(*d)?, &f.date)?;
        }
        Cell::Month(m) => {
            ws.write_datetime_with_format(row, col, excel_date(m.first_day())?, &f.month)?;
        }
    }
    Ok(())
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(sheet_name(&sheet.name))?;
    for (col, header) in (0u16..).zip(&sheet.headers) {
        ws.write_string_with_format(0, col, header, &f.header)?;
    }
    for (row, cells) in (1u32..).zip(&sheet.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            write_cell(ws, row, col, cell, f)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if let Some(last_col) = sheet.headers.len().checked_sub(1) {
        let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
        ws.autofilter(0, 0, last_row, last_col.try_into().unwrap_or(u16::MAX))?;
    }
    ws.autofit();
    Ok(())
}

/// The workbook as .xlsx bytes.
pub fn workbook_xlsx(book: &Workbook) -> Result<Vec<u8>, XlsxWriteError> {
    let formats = Formats::new();
    let mut out = rust_xlsxwriter::Workbook::new();
    for sheet in &book.sheets {
        write_sheet(out.add_worksheet(), sheet, &formats)?;
    }
    Ok(out.save_to_buffer()?)
}
