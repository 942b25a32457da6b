//! Rows: as read (bytes, [`RawRow`]), as text ([`TextRow`], [`OwnedRow`]), and
//! read as typed values ([`RowReader`]): each cell through its parser, every
//! failure recorded as a [`Problem`] naming the column and the value, all of a
//! row's problems rather than only the first.

use super::problem::{Problem, Reason};
use super::schema::{HeaderMatch, TableSpec};
use super::values::ValueError;
use crate::core::origin::Origin;

/// One record as read: its cells' bytes, not yet checked as UTF-8.
#[derive(Debug, Clone, Copy)]
pub struct RawRow<'a> {
    /// 1-based line the record starts on.
    pub line: u64,
    /// Offset of the record's first byte in the text read.
    pub offset: u64,
    /// The record as it stood in the text (to locate a bad byte).
    pub(super) raw: &'a [u8],
    /// The cells' bytes: `raw` itself for a plain line, unquoted output otherwise.
    pub(super) bytes: &'a [u8],
    pub(super) bounds: &'a [(usize, usize)],
}

/// A byte that is not UTF-8, in text read as UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    pub offset: u64,
    pub line: u64,
}

impl<'a> RawRow<'a> {
    /// How many cells the row has.
    pub fn width(&self) -> usize {
        self.bounds.len()
    }

    /// Cell `index`'s bytes (empty past the row's end).
    pub fn cell(&self, index: usize) -> &'a [u8] {
        self.bounds.get(index).map_or(&[], |&(start, end)| &self.bytes[start..end])
    }

    /// The row as text, or where its first byte that is not UTF-8 is.
    pub fn text(&self) -> Result<TextRow<'a>, NotUtf8> {
        match std::str::from_utf8(self.bytes) {
            Ok(text) => Ok(TextRow { line: self.line, text, bounds: self.bounds }),
            Err(_) => Err(self.not_utf8()),
        }
    }

    /// The first byte of the record that is not UTF-8 (the record has one).
    fn not_utf8(&self) -> NotUtf8 {
        let at = std::str::from_utf8(self.raw).err().map_or(0, |e| e.valid_up_to());
        let lines = self.raw[..at].iter().filter(|b| **b == b'\n').count() as u64;
        NotUtf8 { offset: self.offset + at as u64, line: self.line + lines }
    }

    /// Whether every cell is empty or white space (Excel's trailing ",,,").
    pub fn is_blank(&self) -> bool {
        (0..self.width()).all(|i| {
            let cell = self.cell(i);
            if cell.iter().all(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')) {
                true
            } else {
                !cell.is_ascii() && std::str::from_utf8(cell).is_ok_and(|t| t.trim().is_empty())
            }
        })
    }
}

/// A row whose cells are text: one buffer and each cell's byte range.
#[derive(Debug, Clone, Copy)]
pub struct TextRow<'a> {
    pub line: u64,
    text: &'a str,
    bounds: &'a [(usize, usize)],
}

impl<'a> TextRow<'a> {
    /// Cell `index` (None past the row's end).
    pub fn get(&self, index: usize) -> Option<&'a str> {
        // Cells end at ASCII delimiters or at the record's end, so a range of
        // valid text is valid text.
        self.bounds.get(index).and_then(|&(start, end)| self.text.get(start..end))
    }

    pub fn cells(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.bounds.len()).filter_map(|i| self.get(i))
    }
}

/// A row that owns its text (a workbook's rows, tests).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OwnedRow {
    pub line: u64,
    text: String,
    bounds: Vec<(usize, usize)>,
}

impl OwnedRow {
    pub fn new(line: u64, cells: impl IntoIterator<Item = impl AsRef<str>>) -> OwnedRow {
        let mut row = OwnedRow { line, ..OwnedRow::default() };
        for cell in cells {
            let start = row.text.len();
            row.text.push_str(cell.as_ref());
            row.bounds.push((start, row.text.len()));
        }
        row
    }

    pub fn view(&self) -> TextRow<'_> {
        TextRow { line: self.line, text: &self.text, bounds: &self.bounds }
    }
}

/// A row of table `T` being read; its problems carry the profile's reasons `R`.
pub struct RowReader<'a, T, R> {
    file: &'a str,
    header: &'a HeaderMatch<T>,
    row: TextRow<'a>,
    pub problems: Vec<Problem<T, R>>,
}

impl<'a, T: TableSpec, R> RowReader<'a, T, R> {
    pub fn new(file: &'a str, header: &'a HeaderMatch<T>, row: TextRow<'a>) -> RowReader<'a, T, R> {
        RowReader { file, header, row, problems: Vec::new() }
    }

    pub fn table(&self) -> T {
        self.header.table
    }

    pub fn origin(&self) -> Origin {
        Origin { file: self.file.to_string(), line: self.row.line }
    }

    /// The raw cell of expected column `index` ("" when the row is short or the
    /// optional column is absent).
    pub fn cell(&self, index: usize) -> &'a str {
        self.header.positions[index].and_then(|p| self.row.get(p)).unwrap_or("")
    }

    /// Parses expected column `index`; on failure records the problem.
    pub fn take<V>(&mut self, index: usize, parse: impl Fn(&'a str) -> Result<V, ValueError>) -> Option<V> {
        match parse(self.cell(index)) {
            Ok(v) => Some(v),
            Err(error) => {
                self.reject(index, Reason::Value { error });
                None
            }
        }
    }

    /// Parses expected column `index` with a parser that gives its own reason.
    pub fn take_with<V>(
        &mut self,
        index: usize,
        parse: impl Fn(&'a str) -> Result<V, Reason<R>>,
    ) -> Option<V> {
        parse(self.cell(index)).map_err(|reason| self.reject(index, reason)).ok()
    }

    /// Records a problem with expected column `index` of this row.
    pub fn reject(&mut self, index: usize, reason: Reason<R>) {
        self.problems.push(row_problem(
            self.file,
            self.header.table,
            self.row.line,
            index,
            self.cell(index),
            reason,
        ));
    }
}

/// A problem at a row and an expected column of `table`.
pub fn row_problem<T: TableSpec, R>(
    file: &str,
    table: T,
    line: u64,
    index: usize,
    value: &str,
    reason: Reason<R>,
) -> Problem<T, R> {
    Problem {
        file: file.to_string(),
        table: Some(table),
        line: Some(line),
        column: Some(table.columns()[index].japanese.to_string()),
        value: Some(value.to_string()),
        reason,
    }
}
