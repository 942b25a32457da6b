//! Reading one typed row: each cell through its parser, every failure recorded
//! as a [`Problem`] naming the column and the value, all of a row's problems
//! rather than only the first.

use super::problem::{Problem, Reason};
use super::schema::{HeaderMatch, TableKind};
use super::table::TextRow;
use super::values::ValueError;
use crate::core::dataset::pension::Origin;

pub struct RowReader<'a> {
    file: &'a str,
    header: &'a HeaderMatch,
    row: TextRow<'a>,
    pub problems: Vec<Problem>,
}

impl<'a> RowReader<'a> {
    pub fn new(file: &'a str, header: &'a HeaderMatch, row: TextRow<'a>) -> RowReader<'a> {
        RowReader { file, header, row, problems: Vec::new() }
    }

    pub fn table(&self) -> TableKind {
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
    pub fn take<T>(&mut self, index: usize, parse: impl Fn(&'a str) -> Result<T, ValueError>) -> Option<T> {
        match parse(self.cell(index)) {
            Ok(v) => Some(v),
            Err(error) => {
                self.reject(index, Reason::Value { error });
                None
            }
        }
    }

    /// Parses expected column `index` with a parser that gives its own reason.
    pub fn take_with<T>(&mut self, index: usize, parse: impl Fn(&'a str) -> Result<T, Reason>) -> Option<T> {
        parse(self.cell(index)).map_err(|reason| self.reject(index, reason)).ok()
    }

    /// Records a problem with expected column `index` of this row.
    pub fn reject(&mut self, index: usize, reason: Reason) {
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
pub fn row_problem(
    file: &str,
    table: TableKind,
    line: u64,
    index: usize,
    value: &str,
    reason: Reason,
) -> Problem {
    Problem {
        file: file.to_string(),
        table: Some(table),
        line: Some(line),
        column: Some(table.columns()[index].japanese.to_string()),
        value: Some(value.to_string()),
        reason,
    }
}
