//! Profile A, the national pension contract (国民年金保険料収納事業, seed 000,
//! digest A): its tables, the dataset they make, how rows are read, the record
//! engine, the settlement rules and the views the app and the CLI draw.

pub mod bidding;
pub mod calendar;
pub mod dataset;
pub mod reading;
pub mod records;
pub mod reporting;
pub mod rules;
pub mod tables;
pub mod views;

use crate::core::i18n::{msg, Message};
use crate::core::import::problem::{self, ProblemTable, ProfileReason};
use crate::core::import::profile::{ProblemOf, Profile};
use crate::core::import::rows::RowReader;
use crate::core::import::{ImportReport, ShownReport};
use dataset::PensionDataset;
use records::tables::RecordTables;
use serde::{Deserialize, Serialize};
use tables::PensionTable;

/// The pension contract, as the import sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pension;

/// A reason only the pension contract's tables have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PensionReason {
    /// 保険料種別 other than 現年度, 過年度1年目, 過年度2年目.
    UnknownKind,
    /// A period other than 1–3.
    PeriodOutOfRange,
    /// A month or day outside the contract (2026-05 to 2029-04).
    OutsideContract,
    /// 事業者督励月数 above the rate's denominator (digest A2).
    PromotedExceedsDenominator { promoted: i64, denominator: i64 },
    /// An office code missing from the offices table.
    UnknownOffice,
    /// 基礎年金番号 that is not ten digits (1234567890 or 1234-567890).
    NotAPensionNumber,
    /// 目標督励納付率 outside (0 %, 100 %] (#13 fix h).
    TargetOutOfRange,
}

impl ProfileReason for PensionReason {
    fn message(&self) -> Message {
        match self {
            PensionReason::UnknownKind => msg("problem.unknown_kind"),
            PensionReason::PeriodOutOfRange => msg("problem.period_out_of_range"),
            PensionReason::OutsideContract => msg("problem.outside_contract"),
            PensionReason::PromotedExceedsDenominator { promoted, denominator } => {
                msg("problem.promoted_exceeds").arg("promoted", promoted).arg("denominator", denominator)
            }
            PensionReason::UnknownOffice => msg("problem.unknown_office"),
            PensionReason::NotAPensionNumber => msg("problem.value.not_a_pension_number"),
            PensionReason::TargetOutOfRange => msg("problem.target_out_of_range"),
        }
    }
}

/// A reason a pension row is refused: a shared one, or the contract's own.
pub type Reason = problem::Reason<PensionReason>;
/// A problem of the pension import.
pub type PensionProblem = ProblemOf<Pension>;
/// What a pension import gave.
pub type PensionReport = ImportReport<Pension>;
/// A pension import as the page holds it (reasons written out, no records).
pub type ShownPensionReport = ShownReport<Pension>;

impl From<PensionReason> for Reason {
    fn from(reason: PensionReason) -> Reason {
        Reason::Profile(reason)
    }
}

impl Profile for Pension {
    type Table = PensionTable;
    type Reason = PensionReason;
    type Dataset = PensionDataset;
    /// The record tables: basic pension numbers, kept in the worker.
    type Private = RecordTables;
    type FastRows = records::plain::PlainReader;

    fn add_row(
        dataset: &mut PensionDataset,
        records: &mut RecordTables,
        row: &mut RowReader<PensionTable, PensionReason>,
    ) {
        if row.table().is_record() {
            records::reading::add_row(records, row);
        } else {
            reading::add_row(dataset, row);
        }
    }

    fn append(
        dataset: &mut PensionDataset,
        records: &mut RecordTables,
        file: (PensionDataset, RecordTables),
    ) {
        dataset.append(file.0);
        records.append(file.1);
    }

    fn cross_check(dataset: &mut PensionDataset) -> Vec<PensionProblem> {
        reading::cross_check(dataset)
    }
}

impl<Pb: ProblemTable<PensionTable>> ImportReport<Pension, Pb> {
    /// Whether a table the settlement reads lost a row or a file could not be read.
    pub fn blocks_settlement(&self) -> bool {
        self.lost_rows_of(PensionTable::feeds_settlement)
    }

    /// Whether the activity table (or the offices, or the filings) lost a row or
    /// a file could not be read: the inspection is not made on partial counts
    /// (#13 fix f).
    pub fn blocks_inspection(&self) -> bool {
        self.lost_rows_of(PensionTable::feeds_inspection)
    }

    /// Whether a record table lost a row or a file could not be read: nothing is
    /// computed from partial records.
    pub fn blocks_records(&self) -> bool {
        self.lost_rows_of(PensionTable::is_record)
    }
}
