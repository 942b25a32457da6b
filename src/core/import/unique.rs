//! Keys that must be unique in a table: the first row of a key is kept, every
//! later one is rejected and points at the first (file and line). Shared by
//! every contract's checks across tables.

use super::problem::{Problem, Reason};
use super::rows::row_problem;
use super::schema::TableSpec;
use crate::core::origin::Origin;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

/// A row whose key must be unique in its table.
pub trait UniqueKey {
    type Key<'a>: Eq + Hash
    where
        Self: 'a;
    fn key(&self) -> Self::Key<'_>;
    /// The value of the key's first column (the table's first column).
    fn key_cell(&self) -> String;
    fn origin(&self) -> &Origin;
}

#[macro_export]
macro_rules! unique_key {
    ($row:ty, |$r:ident| $key:expr, $key_ty:ty, $cell:expr) => {
        impl $crate::core::import::unique::UniqueKey for $row {
            type Key<'a> = $key_ty;
            fn key(&self) -> Self::Key<'_> {
                let $r = self;
                $key
            }
            fn key_cell(&self) -> String {
                let $r = self;
                $cell
            }
            fn origin(&self) -> &$crate::core::origin::Origin {
                &self.origin
            }
        }
    };
}

/// For each row, the index of an earlier row with the same key, if any.
fn earlier_twins<T: UniqueKey>(rows: &[T]) -> Vec<Option<usize>> {
    let mut first: FxHashMap<T::Key<'_>, usize> = FxHashMap::default();
    rows.iter()
        .enumerate()
        .map(|(i, row)| match first.entry(row.key()) {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(e) => {
                e.insert(i);
                None
            }
        })
        .collect()
}

/// Keeps the first row of each key; later ones are rejected, pointing at the first.
pub fn dedupe<T: UniqueKey, Tb: TableSpec, R>(
    rows: &mut Vec<T>,
    table: Tb,
    problems: &mut Vec<Problem<Tb, R>>,
) {
    let twins = earlier_twins(rows);
    if twins.iter().all(Option::is_none) {
        return;
    }
    for (row, twin) in rows.iter().zip(&twins) {
        if let Some(first) = twin {
            let (origin, first) = (row.origin(), rows[*first].origin());
            let reason = Reason::Duplicate { first_file: first.file.clone(), first_line: first.line };
            problems.push(row_problem(&origin.file, table, origin.line, 0, &row.key_cell(), reason));
        }
    }
    let mut twins = twins.into_iter();
    rows.retain(|_| twins.next().flatten().is_none());
}
