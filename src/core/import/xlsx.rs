//! Excel workbooks (.xlsx) through calamine: every sheet is a table of its own,
//! recognised by its header row like a CSV file. Cells become the text Excel
//! shows for them, so the same value parsers apply: integers as digits, decimals
//! in their shortest exact decimal form, dates as YYYY-MM-DD, errors as written
//! (`#DIV/0!`), which the parsers then refuse with the cell's place.
//!
//! The cell's number format is read too (#13 fix g): a percent-formatted 0.217
//! is the "21.7%" Excel shows, not 0.217; a code formatted `00000` keeps its
//! leading zeros; date formats give dates (calamine); currency and thousands
//! formats leave the number as it is.

use super::rows::OwnedRow;
use super::values::excel_serial_date;
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// One worksheet: its name, header row and data rows (line = Excel row number).
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<OwnedRow>,
    pub blank_rows: u64,
}

/// What a cell's number format changes in the text Excel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The number as it is (General, currency, thousands, dates).
    Plain,
    /// `0%`, `0.0%`…: the value × 100 with a percent sign.
    Percent,
    /// `00000`: an integer padded with zeros to this width.
    ZeroPadded(usize),
}

impl Shown {
    /// Reads an Excel number format code. A `%` outside quotes, brackets and
    /// escapes is a percent; a code of zeros only pads.
    pub fn of_format(code: &str) -> Shown {
        let (mut quoted, mut bracket, mut escaped) = (false, false, false);
        for c in code.chars() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => quoted = !quoted,
                '[' if !quoted => bracket = true,
                ']' if !quoted => bracket = false,
                '%' if !quoted && !bracket => return Shown::Percent,
                _ => {}
            }
        }
        if code.len() >= 2 && code.chars().all(|c| c == '0') {
            Shown::ZeroPadded(code.len())
        } else {
            Shown::Plain
        }
    }
}

/// The text Excel shows for a number under `shown`.
fn number_text(value: f64, plain: String, shown: Shown) -> String {
    match shown {
        Shown::Plain => plain,
        Shown::Percent => match rust_decimal::Decimal::from_str_exact(&plain) {
            Ok(d) => format!("{}%", (d * rust_decimal::Decimal::ONE_HUNDRED).normalize()),
            Err(_) => plain,
        },
        Shown::ZeroPadded(width) if value.fract() == 0.0 && value >= 0.0 => format!("{plain:0>width$}"),
        Shown::ZeroPadded(_) => plain,
    }
}

/// The text of a cell as Excel shows it under its number format.
pub fn shown_text(cell: &Data, shown: Shown) -> String {
    match cell {
        Data::Int(i) => number_text(*i as f64, i.to_string(), shown),
        Data::Float(f) => number_text(*f, cell_text(cell), shown),
        _ => cell_text(cell),
    }
}

/// The text of a cell.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => {
            let serial = d.as_f64();
            match excel_serial_date(serial.floor() as i64) {
                Some(date) if d.is_datetime() => date.format("%Y-%m-%d").to_string(),
                _ => format!("{serial}"),
            }
        }
        Data::Error(e) => e.to_string(),
    }
}

/// Reads every sheet of a workbook, or says in one sentence why it cannot.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| e.to_string())?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        let styles = book.worksheet_style(&name).map_err(|e| e.to_string())?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let shown = |row: u32, col: u32| {
            styles
                .get((row, col))
                .and_then(|s| s.number_format.as_ref())
                .map_or(Shown::Plain, |f| Shown::of_format(&f.format_code))
        };
        let mut header = None;
        let mut rows = Vec::new();
        let mut blank_rows = 0;
        for (i, row) in range.rows().enumerate() {
            // Cells keep their Excel column position, so a sheet not starting at A
            // still lines up with its header.
            let r = first_row + i as u32;
            let texts =
                row.iter().enumerate().map(|(c, cell)| shown_text(cell, shown(r, first_col + c as u32)));
            let cells: Vec<String> =
                std::iter::repeat_n(String::new(), first_col as usize).chain(texts).collect();
            let empty = cells.iter().all(|c| c.trim().is_empty());
            match (&header, empty) {
                (None, true) => {}
                (None, false) => header = Some(cells),
                (Some(_), true) => blank_rows += 1,
                (Some(_), false) => rows.push(OwnedRow::new(u64::from(r) + 1, cells)),
            }
        }
        sheets.push(Sheet { name, header: header.unwrap_or_default(), rows, blank_rows });
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_excel_shows_them() {
        assert_eq!(Shown::of_format("0.0%"), Shown::Percent);
        assert_eq!(Shown::of_format("0%"), Shown::Percent);
        assert_eq!(Shown::of_format("\"%\"0"), Shown::Plain, "a quoted percent sign is text");
        assert_eq!(Shown::of_format("[$%-411]0"), Shown::Plain);
        assert_eq!(Shown::of_format("\\%0"), Shown::Plain, "an escaped percent sign is text");
        assert_eq!(Shown::of_format("00000"), Shown::ZeroPadded(5));
        assert_eq!(Shown::of_format("\"¥\"#,##0"), Shown::Plain);
        assert_eq!(Shown::of_format("General"), Shown::Plain);
        assert_eq!(shown_text(&Data::Float(0.217), Shown::Percent), "21.7%");
        assert_eq!(shown_text(&Data::Float(0.1), Shown::Percent), "10%");
        assert_eq!(shown_text(&Data::Float(0.12345), Shown::Percent), "12.345%");
        assert_eq!(shown_text(&Data::Int(1), Shown::Percent), "100%");
        assert_eq!(shown_text(&Data::Float(1234.0), Shown::ZeroPadded(5)), "01234");
        assert_eq!(shown_text(&Data::Float(123456.0), Shown::ZeroPadded(5)), "123456");
        assert_eq!(
            shown_text(&Data::String("0123".into()), Shown::Percent),
            "0123",
            "text is never reformatted"
        );
        assert_eq!(shown_text(&Data::Float(1234567.0), Shown::Plain), "1234567");
    }
}
