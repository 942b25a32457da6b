//! Excel workbooks (.xlsx) through calamine: every sheet is a table of its own,
//! recognised by its header row like a CSV file. Cells become the text Excel
//! shows for them, so the same value parsers apply: integers as digits, decimals
//! in their shortest exact decimal form, dates as YYYY-MM-DD, errors as written
//! (`#DIV/0!`), which the parsers then refuse with the cell's place.

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
        let first_row = range.start().map_or(0, |(r, _)| r as u64);
        let first_col = range.start().map_or(0, |(_, c)| c as usize);
        let mut header = None;
        let mut rows = Vec::new();
        let mut blank_rows = 0;
        for (i, row) in range.rows().enumerate() {
            // Cells keep their Excel column position, so a sheet not starting at A
            // still lines up with its header.
            let cells: Vec<String> =
                std::iter::repeat_n(String::new(), first_col).chain(row.iter().map(cell_text)).collect();
            let empty = cells.iter().all(|c| c.trim().is_empty());
            match (&header, empty) {
                (None, true) => {}
                (None, false) => header = Some(cells),
                (Some(_), true) => blank_rows += 1,
                (Some(_), false) => rows.push(OwnedRow::new(first_row + i as u64 + 1, cells)),
            }
        }
        sheets.push(Sheet { name, header: header.unwrap_or_default(), rows, blank_rows });
    }
    Ok(sheets)
}
