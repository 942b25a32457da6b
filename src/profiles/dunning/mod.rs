//! Profile C, the workers'-compensation dunning and recovery tender (労災保険
//! 求償債権等 納入督促・債権回収業務, seed 004, digest C): its blocks' tables,
//! the tender's money (#15), the timing duties of a debt with the 民法's day
//! counting and the debtor's time slot, the tables a contractor keeps (#17),
//! the caps, the reports and the result codes.

pub mod blocks;
pub mod bureaus;
pub mod caps;
pub mod codes;
pub mod dataset;
pub mod days;
pub mod deadlines;
pub mod duties;
pub mod pages;
pub mod reading;
pub mod reports;
pub mod slot;
pub mod tables;
pub mod tender;

use crate::core::i18n::{msg, Message};
use crate::core::import::problem::{self, ProfileReason};
use crate::core::import::profile::{NoFastRows, ProblemOf, Profile};
use crate::core::import::rows::RowReader;
use dataset::DunningDataset;
use serde::{Deserialize, Serialize};
use tables::DunningTable;

/// The dunning contract, as the import sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dunning;

/// A reason only the dunning tables have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DunningReason {
    /// Not one of the 47 都道府県労働局.
    UnknownBureau,
    /// The bureau's prefecture lies in another block (seed 004 対象都道府県).
    BureauInAnotherBlock { block: String },
    /// A column that only another debt kind has (⑩ 計画書不要: 三納 and 返;
    /// 費 ⑩ 債権種別 and ⑫ 徴収理由: 費).
    ColumnNotForKind { kind: String },
    /// 債権回収業務 is for 三納 of ¥1,000,000 or more (seed 004 4).
    NotARecoveryDebt,
    /// A time of day that does not read as H:MM.
    NotATime,
    /// A row for a 債権番号 the debts table does not have.
    UnknownDebt,
    /// Returned (○) with no return date.
    ReturnWithoutDate,
    /// A day before the one it follows (a return before the sending, a
    /// sending before the list's handover).
    BeforeItsStart { start: String },
}

impl ProfileReason for DunningReason {
    fn message(&self) -> Message {
        match self {
            DunningReason::UnknownBureau => msg("dn.problem.unknown_bureau"),
            DunningReason::BureauInAnotherBlock { block } => {
                msg("dn.problem.bureau_in_another_block").arg("block", block)
            }
            DunningReason::ColumnNotForKind { kind } => {
                msg("dn.problem.column_not_for_kind").arg("kind", kind)
            }
            DunningReason::NotARecoveryDebt => msg("dn.problem.not_a_recovery_debt"),
            DunningReason::NotATime => msg("dn.problem.not_a_time"),
            DunningReason::UnknownDebt => msg("dn.problem.unknown_debt"),
            DunningReason::ReturnWithoutDate => msg("dn.problem.return_without_date"),
            DunningReason::BeforeItsStart { start } => msg("dn.problem.before_its_start").arg("start", start),
        }
    }
}

/// A reason a dunning row is refused: a shared one, or the contract's own.
pub type Reason = problem::Reason<DunningReason>;
pub type DunningProblem = ProblemOf<Dunning>;

impl From<DunningReason> for Reason {
    fn from(reason: DunningReason) -> Reason {
        Reason::Profile(reason)
    }
}

impl Profile for Dunning {
    type Table = DunningTable;
    type Reason = DunningReason;
    type Dataset = DunningDataset;
    /// The debtor's name, address and number are never read (the tables hold
    /// 債権番号 and whether a number is known): nothing private to keep.
    type Private = ();
    type FastRows = NoFastRows;

    fn add_row(data: &mut DunningDataset, _: &mut (), row: &mut RowReader<DunningTable, DunningReason>) {
        reading::add_row(data, row);
    }

    fn append(data: &mut DunningDataset, _: &mut (), file: (DunningDataset, ())) {
        data.append(file.0);
    }

    fn cross_check(data: &mut DunningDataset) -> Vec<DunningProblem> {
        reading::cross_check(data)
    }
}
