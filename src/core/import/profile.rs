//! How a contract plugs into the import: its tables, how a row of each becomes
//! typed data, the checks across its tables, and the dataset they make. The
//! importer and its report are generic over this trait, so the core never
//! names a contract.

use super::problem::{Problem, ProfileReason};
use super::rows::{RawRow, RowReader};
use super::schema::{HeaderMatch, TableSpec};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

/// One contract's import. Implemented by a unit type in `src/profiles/<contract>/`.
pub trait Profile: 'static {
    /// The closed set of the contract's tables.
    type Table: TableSpec;
    /// The contract's own reasons to refuse a value or a row.
    type Reason: ProfileReason;
    /// What the accepted rows make. It crosses the worker seam, so it is
    /// serialised; it must hold no personal data.
    type Dataset: Default + Clone + Debug + PartialEq + Eq + Serialize + DeserializeOwned;
    /// Tables with personal data: never serialised, so they stay in the process
    /// or the worker that read them (`()` for a contract without any).
    type Private: Default + Clone + Debug + PartialEq + Eq;
    /// Reads a table's rows straight from their bytes when every cell is in a
    /// plain form; [`NoFastRows`] for a contract without such a way.
    type FastRows: FastRows<Self>;

    /// Reads one row of a recognised table into the dataset (or the private
    /// tables), recording every problem in `row`.
    fn add_row(
        dataset: &mut Self::Dataset,
        private: &mut Self::Private,
        row: &mut RowReader<Self::Table, Self::Reason>,
    );

    /// Adds one file's accepted rows to what earlier files gave.
    fn append(dataset: &mut Self::Dataset, private: &mut Self::Private, file: (Self::Dataset, Self::Private));

    /// The checks across tables, once every file is in: rejected rows are
    /// removed from the dataset and returned as problems.
    fn cross_check(dataset: &mut Self::Dataset) -> Vec<ProblemOf<Self>>;
}

/// A problem of profile `P`'s import.
pub type ProblemOf<P> = Problem<<P as Profile>::Table, <P as Profile>::Reason>;

/// A fast way for plain rows, set up once per file from its header.
pub trait FastRows<P: Profile + ?Sized>: Sized {
    /// `None` for a table read only as text.
    fn new(header: &HeaderMatch<P::Table>, width: usize) -> Option<Self>;

    /// Adds a row whose every cell is in its plain form; `false` (nothing
    /// added) sends the row to the text way, which reads every form and lists
    /// every problem.
    fn add(&mut self, private: &mut P::Private, row: &RawRow) -> bool;
}

/// No fast way: every row is read as text.
pub enum NoFastRows {}

impl<P: Profile + ?Sized> FastRows<P> for NoFastRows {
    fn new(_: &HeaderMatch<P::Table>, _: usize) -> Option<Self> {
        None
    }

    fn add(&mut self, _: &mut P::Private, _: &RawRow) -> bool {
        match *self {}
    }
}
