//! Where effort pays (#14): for each office × kind, the yen the achievement
//! adjustment gains with one more promoted month, and with the months that lift
//! the ratio the rule reads to its next 0.1 % step, with the contacts that takes
//! at the office's yield; ranked by yen per promoted month.

use super::achievement::{steps, Steps};
use super::evaluate::kind_adjustment_yen;
use super::model::{KindInputs, Model};
use super::rate_recovery::{promoted_months_to, Yield};
use super::settlement::RuleOptions;
use crate::core::money::{self, frac, Overflow, Yen};
use crate::profiles::pension::dataset::Kind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EffortPays {
    pub office_code: String,
    pub kind: Kind,
    /// The achievement adjustment with P + 1, less today's (rounding in force).
    pub yen_for_one_month: Yen,
    /// Promoted months for the stepped ratio to reach its next 0.1 % step.
    pub months_to_next_step: i64,
    /// The adjustment at that step, less today's.
    pub yen_at_next_step: Yen,
    /// Contacts (or actions) for those months at the office's yield.
    pub effort_to_next_step: Option<i64>,
}

/// Every office × kind with a ratio, best yen per promoted month first.
pub fn where_effort_pays(
    model: &Model,
    options: &RuleOptions,
    yields: &BTreeMap<String, Yield>,
) -> Result<Vec<EffortPays>, Overflow> {
    let mut out = Vec::new();
    for office in &model.offices {
        for inputs in &office.kinds {
            let Some(next) = next_step_months(inputs)? else { continue };
            let now = kind_adjustment_yen(inputs, inputs.promoted_months, options)?;
            let with =
                |n: i64| kind_adjustment_yen(inputs, inputs.promoted_months.saturating_add(n), options);
            out.push(EffortPays {
                office_code: office.code.clone(),
                kind: inputs.kind,
                yen_for_one_month: with(1)? - now,
                months_to_next_step: next,
                yen_at_next_step: with(next)? - now,
                effort_to_next_step: yields.get(&office.code).and_then(|y| y.effort_for(next)),
            });
        }
    }
    // Yen per month, compared exactly: a/b > c/d ⇔ a·d > c·b (b, d > 0).
    out.sort_by(|a, b| {
        let left = i128::from(b.yen_at_next_step) * i128::from(a.months_to_next_step);
        let right = i128::from(a.yen_at_next_step) * i128::from(b.months_to_next_step);
        left.cmp(&right).then_with(|| (&a.office_code, a.kind).cmp(&(&b.office_code, b.kind)))
    });
    Ok(out)
}

/// The months (at least one) that lift the stepped ratio one 0.1 % step;
/// `None` without a ratio.
fn next_step_months(inputs: &KindInputs) -> Result<Option<i64>, Overflow> {
    let (Some(target), true) = (inputs.target.as_ref(), inputs.denominator() > 0) else { return Ok(None) };
    let Some(ratio) = money::div(&frac(inputs.promoted_months, inputs.denominator()), target)? else {
        return Ok(None);
    };
    let next_permille = match steps(&ratio)? {
        Steps::Excess(k) => 1000 + k + 1,
        Steps::Shortfall(k) => 1000 - k + 1,
        Steps::None => 1001,
    };
    Ok(promoted_months_to(inputs, frac(next_permille, 1000)).map(|n| n.max(1)))
}
