//! 入札試算 (#15): what a bid under the pension contract really earns, as a
//! distribution. A bidder's assumptions ([`input::BidInput`], the file the
//! page saves and `shuno bid-sim` reads) over a prepared model are compiled
//! into per-office tables ([`plan`]), run N times from a seed
//! ([`simulate`], behind the `bidding` feature: the CLI and the bid worker),
//! and summarised ([`summary`]).

pub mod error;
pub mod form;
pub mod input;
pub mod kernel;
pub mod plan;
#[cfg(feature = "bidding")]
pub mod simulate;
pub mod summary;
pub mod synthetic;

pub use error::BidError;
pub use input::BidInput;
pub use plan::{compile, BidPlan};
pub use summary::{summarize, BidResult};

use crate::profiles::pension::dataset::PensionDataset;
use crate::profiles::pension::rules::prepare;

/// The bid over `data`: the period the input names prepared, then compiled.
pub fn plan(data: &PensionDataset, input: &BidInput) -> Result<BidPlan, Vec<BidError>> {
    let model = prepare(data, input.period, None)
        .map_err(|errors| errors.into_iter().map(BidError::Settle).collect::<Vec<_>>())?;
    compile(&model, data, input)
}

/// Plans and runs a bid: `input.runs()` runs from `input.seed()`, `progress`
/// hearing the runs done (and able to stop it: `Ok(None)`).
#[cfg(feature = "bidding")]
pub fn run(
    data: &PensionDataset,
    input: &BidInput,
    progress: impl FnMut(u32) -> std::ops::ControlFlow<()>,
) -> Result<Option<BidResult>, Vec<BidError>> {
    let plan = plan(data, input)?;
    Ok(simulate::simulate(&plan, input.runs(), input.seed(), progress).map(|d| summarize(&plan, &d)))
}
