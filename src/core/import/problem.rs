//! Problems found while importing: where (file, table, line, column), what (the
//! value) and why (the reason), in Japanese or English. The reasons every
//! contract shares are here; a profile's own reasons sit in
//! [`Reason::Profile`], with their message from [`ProfileReason::message`].

use super::decode::DecodeError;
use super::schema::TableSpec;
use super::values::ValueError;
use crate::core::export::csv::sheet_csv;
use crate::core::export::{Cell, Sheet};
use crate::core::i18n::{msg, text, Lang, Message};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt::Debug;

/// A reason only one contract has (an unknown premium kind, a pension number):
/// the profile's closed set, each with its message (text in both languages).
pub trait ProfileReason: Clone + Debug + PartialEq + Eq + Serialize + DeserializeOwned + 'static {
    /// The reason, with what to do about it.
    fn message(&self) -> Message;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason<R> {
    /// The bytes are not text in the detected or chosen encoding.
    Unreadable {
        error: DecodeError,
    },
    /// The file has no header row.
    EmptyFile,
    /// The header row matches no known table.
    UnknownHeader,
    /// The header row is close to a table but lacks a required column.
    MissingColumn {
        column: String,
    },
    /// The file is a binary file this build does not read.
    UnsupportedFormat,
    /// An OLE container: a legacy .xls or a password-protected .xlsx.
    ProtectedOrLegacyWorkbook,
    /// A .xlsx that calamine cannot open.
    BrokenWorkbook {
        message: String,
    },
    /// The file could not be read from its source.
    Io {
        message: String,
    },
    /// The user cancelled the import of this file.
    Cancelled,
    Value {
        error: ValueError,
    },
    /// A key that an earlier row of the same table already has.
    Duplicate {
        first_file: String,
        first_line: u64,
    },
    /// A value outside a closed list (method, outcome, channel, flag).
    NotOneOf {
        allowed: String,
    },
    /// A reason of the contract's own.
    Profile(R),
}

impl<R: ProfileReason> Reason<R> {
    /// The reason as a message: its text key and the values in it.
    pub fn message(&self) -> Message {
        match self {
            Reason::Unreadable { error } => msg("problem.unreadable")
                .arg("encoding", error.encoding.label())
                .arg("offset", error.offset)
                .arg("line", error.line),
            Reason::EmptyFile => msg("problem.empty_file"),
            Reason::UnknownHeader => msg("problem.unknown_header"),
            Reason::MissingColumn { column } => msg("problem.missing_column").arg("column", column),
            Reason::UnsupportedFormat => msg("problem.unsupported_format"),
            Reason::ProtectedOrLegacyWorkbook => msg("problem.protected_workbook"),
            Reason::BrokenWorkbook { message } => msg("problem.broken_workbook").arg("message", message),
            Reason::Io { message } => msg("problem.io").arg("message", message),
            Reason::Cancelled => msg("problem.cancelled"),
            Reason::Value { error } => msg(match error {
                ValueError::Empty => "problem.value.empty",
                ValueError::NotANumber => "problem.value.not_a_number",
                ValueError::NotWhole => "problem.value.not_whole",
                ValueError::Negative => "problem.value.negative",
                ValueError::TooLarge => "problem.value.too_large",
                ValueError::NotAMonth => "problem.value.not_a_month",
                ValueError::NotADate => "problem.value.not_a_date",
                ValueError::NotPositive => "problem.value.not_positive",
            }),
            Reason::Duplicate { first_file, first_line } => {
                msg("problem.duplicate").arg("file", first_file).arg("line", first_line)
            }
            Reason::NotOneOf { allowed } => msg("problem.not_one_of").arg("allowed", allowed),
            Reason::Profile(reason) => reason.message(),
        }
    }
}

/// One problem. `line` is the 1-based line in the file where the row starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem<T, R> {
    pub file: String,
    pub table: Option<T>,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    pub reason: Reason<R>,
}

impl<T: TableSpec, R: ProfileReason> Problem<T, R> {
    /// A problem that concerns the whole file.
    pub fn file(file: &str, table: Option<T>, reason: Reason<R>) -> Problem<T, R> {
        Problem { file: file.to_string(), table, line: None, column: None, value: None, reason }
    }

    /// Whether the file could not be read as a table at all.
    pub fn is_fatal(&self) -> bool {
        self.line.is_none()
    }

    /// The reason, in `lang`, with what to do about it.
    pub fn reason_text(&self, lang: Lang) -> String {
        self.reason.message().render(lang)
    }

    /// One line in the style of a compiler diagnostic:
    /// `progress.csv:12: 列「事業者督励月数」の値「-3」: …`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        out.push_str(": ");
        if let Some(table) = self.table {
            out.push_str(&format!("[{}] ", table.code()));
        }
        match (&self.column, &self.value) {
            (Some(c), Some(v)) => {
                out.push_str(&msg("problem.at_column_value").arg("column", c).arg("value", v).render(lang))
            }
            (Some(c), None) => out.push_str(&msg("problem.at_column").arg("column", c).render(lang)),
            _ => {}
        }
        out.push_str(&self.reason_text(lang));
        out
    }
}

/// A problem as the app shows and exports it: where, the value, and the reason
/// as a [`Message`]. This is what the import worker sends the page, which then
/// needs no code to read every [`Reason`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownProblem<T> {
    pub file: String,
    pub table: Option<T>,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    pub reason: Message,
}

impl<T: TableSpec> ShownProblem<T> {
    /// The reason, in `lang`, with what to do about it.
    pub fn reason_text(&self, lang: Lang) -> String {
        self.reason.render(lang)
    }
}

impl<T: TableSpec, R: ProfileReason> Problem<T, R> {
    /// The problem with its reason as a message.
    pub fn shown(&self) -> ShownProblem<T> {
        ShownProblem {
            file: self.file.clone(),
            table: self.table,
            line: self.line,
            column: self.column.clone(),
            value: self.value.clone(),
            reason: self.reason.message(),
        }
    }
}

/// What a report needs of a problem to know what it blocks: its table (none
/// when the file could not be read as a table).
pub trait ProblemTable<T> {
    fn problem_table(&self) -> Option<T>;
}

impl<T: Copy, R> ProblemTable<T> for Problem<T, R> {
    fn problem_table(&self) -> Option<T> {
        self.table
    }
}

impl<T: Copy> ProblemTable<T> for ShownProblem<T> {
    fn problem_table(&self) -> Option<T> {
        self.table
    }
}

/// The rejected rows as a sheet: where, the value, and why, in `lang`.
pub fn problems_sheet<T: TableSpec>(problems: &[ShownProblem<T>], lang: Lang) -> Sheet {
    let headers = ["file", "table", "line", "column", "value", "reason"]
        .map(|k| text(&format!("problem.csv.{k}"), lang))
        .to_vec();
    let rows = problems
        .iter()
        .map(|p| {
            vec![
                Cell::string(&p.file),
                Cell::opt_text(p.table.map(|t| t.name(lang))),
                p.line.map_or(Cell::Empty, Cell::count),
                Cell::opt_text(p.column.clone()),
                Cell::opt_text(p.value.clone()),
                Cell::string(p.reason_text(lang)),
            ]
        })
        .collect();
    Sheet { name: text("sheet.rejected", lang), headers, rows }
}

/// The rejected-row list as CSV (UTF-8 with BOM so Excel opens it; every value
/// neutralised: a rejected row is where a formula would hide).
pub fn problems_csv<T: TableSpec>(problems: &[ShownProblem<T>], lang: Lang) -> String {
    sheet_csv(&problems_sheet(problems, lang))
}
