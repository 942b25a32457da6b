//! The baseline beside up to three scenarios (#14), office by office,
//! district by district and in total, with the difference in yen; and the
//! one way a scenario is settled, for the app and `shuno whatif`.

use crate::core::i18n::Lang;
use crate::core::money::Yen;
use crate::profiles::pension::dataset::PensionDataset;
use crate::profiles::pension::rules::evaluate::evaluate_changed;
use crate::profiles::pension::rules::flags::Flag;
use crate::profiles::pension::rules::projection::{project, Pace};
use crate::profiles::pension::rules::scenario::{Scenario, ScenarioError};
use crate::profiles::pension::rules::{evaluate, prepare, Model, RuleOptions, SettleError, Settlement};
use serde::{Deserialize, Serialize};

/// One row of the comparison: the baseline's fee and each scenario's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compared {
    /// The office code, the district's name, or empty for the total.
    pub key: String,
    pub label: String,
    pub baseline: Fee,
    /// `None` where the scenario does not settle.
    pub scenarios: Vec<Option<Fee>>,
}

/// A fee, and whether it meets the 指示 trigger (every kind below 80 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fee {
    pub yen: Yen,
    pub instruction: bool,
}

impl Compared {
    /// The scenario's fee less the baseline's.
    pub fn difference(&self, scenario: usize) -> Option<Yen> {
        self.scenarios.get(scenario).copied().flatten().map(|f| f.yen - self.baseline.yen)
    }
}

/// The baseline beside the scenarios (each `None` where it does not settle).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub offices: Vec<Compared>,
    pub districts: Vec<Compared>,
    pub total: Compared,
}

pub fn compare(baseline: &Settlement, scenarios: &[Option<&Settlement>]) -> Comparison {
    let offices = baseline
        .offices
        .iter()
        .map(|o| {
            let fee = |s: &Settlement| {
                // Offices are sorted by code in every settlement (`prepare`).
                let i = s.offices.binary_search_by(|x| x.office_code.cmp(&o.office_code)).ok()?;
                let o = &s.offices[i];
                Some(Fee { yen: o.total_yen, instruction: o.flags.contains(&Flag::AllKindsBelow80) })
            };
            Compared {
                key: o.office_code.clone(),
                label: o.office_name.clone(),
                baseline: fee(baseline).unwrap_or(Fee { yen: 0, instruction: false }),
                scenarios: scenarios.iter().map(|s| s.and_then(fee)).collect(),
            }
        })
        .collect();
    let districts = baseline
        .districts
        .iter()
        .map(|d| {
            let fee = |s: &Settlement| {
                let d = s.districts.iter().find(|x| x.district == d.district)?;
                Some(Fee { yen: d.total_yen, instruction: d.flags.contains(&Flag::AllBelow80) })
            };
            Compared {
                key: d.district.clone(),
                label: d.district.clone(),
                baseline: fee(baseline).unwrap_or(Fee { yen: 0, instruction: false }),
                scenarios: scenarios.iter().map(|s| s.and_then(fee)).collect(),
            }
        })
        .collect();
    let total = |s: &Settlement| Fee {
        yen: s.offices.iter().map(|o| o.total_yen).sum(),
        instruction: s.instruction_trigger,
    };
    Comparison {
        offices,
        districts,
        total: Compared {
            key: String::new(),
            label: String::new(),
            baseline: total(baseline),
            scenarios: scenarios.iter().map(|s| s.map(total)).collect(),
        },
    }
}

/// Why a scenario has no settlement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhatIfError {
    Scenario(ScenarioError),
    Settle(SettleError),
}

impl WhatIfError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WhatIfError::Scenario(e) => e.message(lang),
            WhatIfError::Settle(e) => e.message(lang),
        }
    }
}

/// Settles `scenario` over `model` (today's, or the projection when the
/// scenario asks for one: [`projected_model`]). `unchanged`, when given, is
/// `model` settled under `base` with no change: the offices the scenario
/// leaves alone are taken from it (`evaluate_changed`).
pub fn settle_scenario(
    model: &Model,
    scenario: &Scenario,
    base: RuleOptions,
    unchanged: Option<&Settlement>,
) -> Result<Settlement, Vec<WhatIfError>> {
    let overrides = scenario
        .overrides(model)
        .map_err(|e| e.into_iter().map(WhatIfError::Scenario).collect::<Vec<_>>())?;
    let rules = scenario.rules(base);
    match unchanged {
        Some(unchanged) => evaluate_changed(model, &rules, &overrides, unchanged),
        None => evaluate(model, &rules, &overrides),
    }
    .map_err(|e| e.into_iter().map(WhatIfError::Settle).collect())
}

/// The model of the period's end projected at `pace` from `current`'s as-of
/// month.
pub fn projected_model(
    data: &PensionDataset,
    current: &Model,
    pace: Pace,
) -> Result<Model, Vec<SettleError>> {
    let period = current.period;
    prepare(&project(data, period, current.as_of, pace), Some(period.number), Some(period.last()))
}
