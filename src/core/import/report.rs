//! What an import gave: the dataset, the private tables, what happened to each
//! file, and every problem.

use super::decode::Encoding;
use super::problem::{ProblemTable, ShownProblem};
use super::profile::{ProblemOf, Profile};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What happened to one file (or one sheet of a workbook: `file` is then
/// `book.xlsx#Sheet1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary<T> {
    pub file: String,
    pub bytes: u64,
    pub encoding: Option<Encoding>,
    pub encoding_detected: bool,
    /// A sheet of a workbook (no encoding to choose).
    pub sheet: bool,
    pub table: Option<T>,
    /// Data rows read (blank rows excluded).
    pub read: u64,
    pub accepted: u64,
    pub rejected: u64,
    /// All-empty rows skipped (Excel's trailing ",,,").
    pub blank: u64,
    /// The header row, when it matched no table: what a column mapping maps.
    pub unrecognised_header: Vec<String>,
}

/// What an import of profile `P` gave: the dataset, the private tables, what
/// happened to each file, and every problem (as found, `Pb` =
/// [`ProblemOf<P>`]; or as shown, [`ShownReport`]).
#[derive(Serialize, Deserialize)]
#[serde(bound(serialize = "Pb: Serialize", deserialize = "Pb: DeserializeOwned"))]
pub struct ImportReport<P: Profile, Pb = ProblemOf<P>> {
    pub dataset: P::Dataset,
    /// Tables with personal data: never serialised, so they never leave the
    /// process or the worker that read them.
    #[serde(skip)]
    pub private: P::Private,
    pub files: Vec<FileSummary<P::Table>>,
    /// Every problem, sorted by file and line.
    pub problems: Vec<Pb>,
}

/// A report as the page holds it: problems with their reasons written out.
pub type ShownReport<P> = ImportReport<P, ShownProblem<<P as Profile>::Table>>;

impl<P: Profile, Pb> Default for ImportReport<P, Pb> {
    fn default() -> Self {
        ImportReport {
            dataset: P::Dataset::default(),
            private: P::Private::default(),
            files: Vec::new(),
            problems: Vec::new(),
        }
    }
}

impl<P: Profile, Pb: Clone> Clone for ImportReport<P, Pb> {
    fn clone(&self) -> Self {
        ImportReport {
            dataset: self.dataset.clone(),
            private: self.private.clone(),
            files: self.files.clone(),
            problems: self.problems.clone(),
        }
    }
}

impl<P: Profile, Pb: PartialEq> PartialEq for ImportReport<P, Pb> {
    fn eq(&self, other: &Self) -> bool {
        (&self.dataset, &self.private, &self.files, &self.problems)
            == (&other.dataset, &other.private, &other.files, &other.problems)
    }
}

impl<P: Profile, Pb: Eq> Eq for ImportReport<P, Pb> {}

impl<P: Profile, Pb: std::fmt::Debug> std::fmt::Debug for ImportReport<P, Pb> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportReport")
            .field("dataset", &self.dataset)
            .field("files", &self.files)
            .field("problems", &self.problems)
            .finish_non_exhaustive()
    }
}

impl<P: Profile> ImportReport<P> {
    /// The report as the page holds it (the private tables stay behind).
    /// Consumes the report: a dataset of millions of rows is moved, not copied.
    pub fn shown(self) -> ShownReport<P> {
        ImportReport {
            dataset: self.dataset,
            private: P::Private::default(),
            files: self.files,
            problems: self.problems.iter().map(|p| p.shown()).collect(),
        }
    }
}

impl<P: Profile, Pb: ProblemTable<P::Table>> ImportReport<P, Pb> {
    /// Whether a file could not be read, or a table for which `matters` holds
    /// lost a row: what is computed from those tables must not be.
    pub fn lost_rows_of(&self, matters: impl Fn(P::Table) -> bool) -> bool {
        self.problems.iter().any(|p| p.problem_table().is_none_or(&matters))
    }

    /// The header rows of the files, when no file matched a table of `P`
    /// (`None` when any did, or a file had no header): what can tell another
    /// contract's folder.
    pub fn headers_if_none_matched(&self) -> Option<Vec<Vec<String>>> {
        let none_matched = !self.files.is_empty()
            && self.files.iter().all(|f| f.table.is_none() && !f.unrecognised_header.is_empty());
        none_matched.then(|| self.files.iter().map(|f| f.unrecognised_header.clone()).collect())
    }

    /// The names of the files read (for an export's first sheet).
    pub fn file_names(&self) -> Vec<String> {
        self.files.iter().map(|f| f.file.clone()).collect()
    }

    pub fn totals(&self) -> (u64, u64, u64) {
        self.files.iter().fold((0, 0, 0), |(r, a, j), f| (r + f.read, a + f.accepted, j + f.rejected))
    }
}
