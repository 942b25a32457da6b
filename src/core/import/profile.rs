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

/// A contract made up for the test: one table of daily call counts, no private
/// tables, no fast way. It shows the pipeline needs nothing of the pension
/// contract (what profiles B and C will rely on).
#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{msg, Lang, Message};
    use crate::core::import::problem::Reason;
    use crate::core::import::schema::Column;
    use crate::core::import::values::parse_count;
    use crate::core::import::{import, SourceFile};
    use serde::Deserialize;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    enum CallTable {
        Calls,
    }

    impl TableSpec for CallTable {
        const ALL: &'static [CallTable] = &[CallTable::Calls];
        fn code(self) -> &'static str {
            "calls"
        }
        fn name(self, lang: Lang) -> String {
            if lang == Lang::Ja { "架電実績" } else { "Calls" }.to_string()
        }
        fn columns(self) -> &'static [Column] {
            const CALLS: &[Column] =
                &[Column::required("日付", "day"), Column::required("架電件数", "calls")];
            CALLS
        }
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum CallReason {
        OverDailyCap,
    }

    impl ProfileReason for CallReason {
        fn message(&self) -> Message {
            msg("problem.value.too_large")
        }
    }

    struct CallCentre;

    impl Profile for CallCentre {
        type Table = CallTable;
        type Reason = CallReason;
        type Dataset = Vec<(String, i64)>;
        type Private = ();
        type FastRows = NoFastRows;

        fn add_row(dataset: &mut Self::Dataset, _: &mut (), row: &mut RowReader<CallTable, CallReason>) {
            let day = row.cell(0).to_string();
            match row.take(1, parse_count) {
                Some(n) if n > 1000 => row.reject(1, Reason::Profile(CallReason::OverDailyCap)),
                Some(n) => dataset.push((day, n)),
                None => {}
            }
        }

        fn append(dataset: &mut Self::Dataset, _: &mut (), file: (Self::Dataset, ())) {
            dataset.extend(file.0);
        }

        fn cross_check(_: &mut Self::Dataset) -> Vec<ProblemOf<Self>> {
            Vec::new()
        }
    }

    #[test]
    fn a_contract_of_its_own_plugs_in() {
        let text = "日付,架電件数\n2026-04-01,250\n2026-04-02,abc\n2026-04-03,1200\n";
        let report =
            import::<CallCentre>(&[SourceFile { name: "calls.csv", bytes: text.as_bytes(), encoding: None }]);
        assert_eq!(report.dataset, vec![("2026-04-01".to_string(), 250)]);
        assert_eq!(report.files[0].table, Some(CallTable::Calls));
        assert_eq!((report.files[0].read, report.files[0].accepted, report.files[0].rejected), (3, 1, 2));
        let lines: Vec<String> = report.problems.iter().map(|p| p.render(Lang::En)).collect();
        assert_eq!(lines[1], "calls.csv:4: [calls] column '架電件数', value '1200': the value is too large: check for extra digits.");
        assert!(report.lost_rows_of(|_| true));
        let json = serde_json::to_string(&report).unwrap();
        assert!(json.contains("over_daily_cap"), "{json}");
    }
}
