//! Table specs and header recognition, for any contract: a profile lists its
//! tables ([`TableSpec`]), each with its expected columns; a file's table is
//! recognised by its header row. Japanese headers are canonical; the English
//! name is an accepted alias.

use crate::core::i18n::Lang;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt::Debug;
use std::hash::Hash;

/// One expected column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub japanese: &'static str,
    pub english: &'static str,
    pub required: bool,
}

impl Column {
    /// A required column.
    pub const fn required(japanese: &'static str, english: &'static str) -> Column {
        Column { japanese, english, required: true }
    }

    /// A column a file may leave out.
    pub const fn optional(japanese: &'static str, english: &'static str) -> Column {
        Column { japanese, english, required: false }
    }
}

/// The closed set of a profile's tables: an enum whose variants each name one
/// table and its columns. The import recognises a file's header against
/// [`TableSpec::ALL`], in that order.
pub trait TableSpec:
    Copy + Eq + Ord + Hash + Debug + Serialize + DeserializeOwned + Send + Sync + 'static
{
    /// Every table of the profile.
    const ALL: &'static [Self];

    /// The table's name on the command line and in file names (`progress`).
    fn code(self) -> &'static str;

    /// The table's name as the user reads it, in `lang` (`進捗（月次）`).
    fn name(self, lang: Lang) -> String;

    /// The expected columns, in the order a row reader takes them by index.
    fn columns(self) -> &'static [Column];

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.code() == code)
    }

    /// The canonical header row (Japanese names).
    fn header(self) -> Vec<&'static str> {
        self.columns().iter().map(|c| c.japanese).collect()
    }

    /// Two made-up rows that show how each column is written (none by default).
    fn examples(self) -> &'static [&'static [&'static str]] {
        &[]
    }

    /// A blank file with the canonical header: UTF-8 with BOM and CRLF, as Excel
    /// expects.
    fn template(self) -> String {
        format!("\u{FEFF}{}\r\n", self.header().join(","))
    }

    /// [`TableSpec::template`] with the [`TableSpec::examples`] rows.
    fn example_file(self) -> String {
        let rows: String = self.examples().iter().map(|r| format!("{}\r\n", r.join(","))).collect();
        format!("{}{rows}", self.template())
    }
}

/// A header cell as compared: full-width folded, spaces and underscores and
/// hyphens removed, ASCII lower-cased ("Office Code", "ｏｆｆｉｃｅ＿ｃｏｄｅ" and
/// "office_code" all match; "事務所 コード" matches "事務所コード").
pub fn normalize_header(cell: &str) -> String {
    super::values::normalize(cell.trim_start_matches('\u{FEFF}'))
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each expected column sits in a file's header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMatch<T> {
    pub table: T,
    /// For each of `table.columns()`, the index of the file column, if present.
    pub positions: Vec<Option<usize>>,
}

impl<T: TableSpec> HeaderMatch<T> {
    pub fn missing_required(&self) -> Vec<Column> {
        self.table
            .columns()
            .iter()
            .zip(&self.positions)
            .filter(|(c, p)| c.required && p.is_none())
            .map(|(c, _)| *c)
            .collect()
    }

    fn matched(&self) -> usize {
        self.positions.iter().filter(|p| p.is_some()).count()
    }
}

/// A header row as compared, as one string: the key a remembered mapping is
/// stored under.
pub fn header_signature(header: &[String]) -> String {
    header.iter().map(|h| normalize_header(h)).collect::<Vec<_>>().join("\u{1F}")
}

/// The user's mapping of a file's columns to a table's, remembered for files with
/// the same header (a setting: column names only, no data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping<T> {
    pub signature: String,
    pub table: T,
    /// For each of `table.columns()`, the file column it comes from.
    pub positions: Vec<Option<usize>>,
}

impl<T: TableSpec> ColumnMapping<T> {
    /// The mapping as a header match for `header`, if it fits it: same signature,
    /// positions inside the row, every required column mapped.
    pub fn apply(&self, header: &[String]) -> Option<HeaderMatch<T>> {
        let fits = self.signature == header_signature(header)
            && self.positions.len() == self.table.columns().len()
            && self.positions.iter().flatten().all(|p| *p < header.len());
        let m = HeaderMatch { table: self.table, positions: self.positions.clone() };
        (fits && m.missing_required().is_empty()).then_some(m)
    }
}

/// Matches a header row against one table.
pub fn match_header<T: TableSpec>(header: &[String], table: T) -> HeaderMatch<T> {
    let cells: Vec<String> = header.iter().map(|h| normalize_header(h)).collect();
    let positions = table
        .columns()
        .iter()
        .map(|c| {
            let names = [normalize_header(c.japanese), normalize_header(c.english)];
            cells.iter().position(|cell| names.contains(cell))
        })
        .collect();
    HeaderMatch { table, positions }
}

/// The table a header comes closest to: the most columns found, the first
/// table of [`TableSpec::ALL`] on a tie (where a column mapping starts).
pub fn closest_table<T: TableSpec>(header: &[String]) -> T {
    let mut best = T::ALL[0];
    let mut most = 0;
    for &table in T::ALL {
        let found = match_header(header, table).matched();
        if found > most {
            (best, most) = (table, found);
        }
    }
    best
}

/// The table a header row belongs to: the complete match with the most columns
/// (`Ok`), or else the closest incomplete one (`Err`, to report what is missing),
/// or `Err(None)` when nothing resembles a known table.
pub fn recognize<T: TableSpec>(header: &[String]) -> Result<HeaderMatch<T>, Option<HeaderMatch<T>>> {
    let mut matches: Vec<HeaderMatch<T>> = T::ALL.iter().map(|t| match_header(header, *t)).collect();
    matches.sort_by_key(|m| {
        std::cmp::Reverse((m.missing_required().is_empty(), m.matched(), m.table.columns().len()))
    });
    // Two columns at least, or every column of a one-column table (日付 alone).
    let best = matches.into_iter().next().filter(|m| m.matched() >= 2.min(m.table.columns().len()));
    match best {
        Some(m) if m.missing_required().is_empty() => Ok(m),
        other => Err(other),
    }
}
