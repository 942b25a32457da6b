//! Profile B, the municipal call centre (健康保険コールセンター等業務, seed 003,
//! digest B): a fixed monthly fee with no adjustment on results; what the
//! contractor watches is the targets, the duty to report a shortfall at once,
//! the staffing and the reports. Its tables, the two calendars, progress and
//! pace, quality, the reports and the deadlines.

pub mod blocks;
pub mod calendar;
pub mod dataset;
pub mod deadlines;
pub mod pages;
pub mod progress;
pub mod quality;
pub mod reading;
pub mod reports;
pub mod tables;
pub mod terms;
pub mod view;

use crate::core::i18n::{msg, Message};
use crate::core::import::problem::{self, ProfileReason};
use crate::core::import::profile::{NoFastRows, ProblemOf, Profile};
use crate::core::import::rows::RowReader;
use dataset::CallCentreDataset;
use serde::{Deserialize, Serialize};
use tables::CallCentreTable;

/// The call-centre contract, as the import sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CallCentre;

/// A reason only the call centre's tables have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallCentreReason {
    /// A day or month outside 2026-04-01..2027-03-31 (seed 003 2).
    OutsideContract,
    /// A Sunday opening that is not a Sunday.
    NotASunday,
    /// A language other than English, Chinese and Vietnamese (seed 003 7(4)).
    UnknownLanguage,
    /// 応答件数 + 不在件数 above 架電件数.
    OutcomesExceedCalls { answered: i64, absent: i64 },
    /// 財産調査実人数 above 財産調査件数.
    PersonsExceedChecks,
    /// A lower bound above its upper bound (SMS, phone-number entries).
    RangeReversed { min: i64, max: i64 },
}

impl ProfileReason for CallCentreReason {
    fn message(&self) -> Message {
        match self {
            CallCentreReason::OutsideContract => msg("cc.problem.outside_contract"),
            CallCentreReason::NotASunday => msg("cc.problem.not_a_sunday"),
            CallCentreReason::UnknownLanguage => msg("cc.problem.unknown_language"),
            CallCentreReason::OutcomesExceedCalls { answered, absent } => {
                msg("cc.problem.outcomes_exceed_calls").arg("answered", answered).arg("absent", absent)
            }
            CallCentreReason::PersonsExceedChecks => msg("cc.problem.persons_exceed_checks"),
            CallCentreReason::RangeReversed { min, max } => {
                msg("cc.problem.range_reversed").arg("min", min).arg("max", max)
            }
        }
    }
}

/// A reason a call-centre row is refused: a shared one, or the contract's own.
pub type Reason = problem::Reason<CallCentreReason>;
pub type CallCentreProblem = ProblemOf<CallCentre>;

impl From<CallCentreReason> for Reason {
    fn from(reason: CallCentreReason) -> Reason {
        Reason::Profile(reason)
    }
}

impl Profile for CallCentre {
    type Table = CallCentreTable;
    type Reason = CallCentreReason;
    type Dataset = CallCentreDataset;
    /// No personal data: counts and yen only.
    type Private = ();
    type FastRows = NoFastRows;

    fn add_row(
        data: &mut CallCentreDataset,
        _: &mut (),
        row: &mut RowReader<CallCentreTable, CallCentreReason>,
    ) {
        reading::add_row(data, row);
    }

    fn append(data: &mut CallCentreDataset, _: &mut (), file: (CallCentreDataset, ())) {
        data.append(file.0);
    }

    fn cross_check(data: &mut CallCentreDataset) -> Vec<CallCentreProblem> {
        reading::cross_check(data)
    }
}
