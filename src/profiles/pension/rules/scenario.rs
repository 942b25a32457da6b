//! What-if scenarios (#14): a named set of changes to a prepared model, with a
//! band reading and rounding of its own if wanted, turned into the
//! [`Overrides`] that [`super::evaluate`] applies. The file the app saves and
//! `shuno whatif` reads:
//!
//! ```json
//! {"name": "…", "band_mode": "tiered", "rounding": "truncate",
//!  "adjust": [{"office_code": "90101", "kind": "current", "promoted_months_added": 120}],
//!  "account_transfer": [{"office_code": "90101", "acquired_count": 300}],
//!  "incident_points": [{"office_code": "*", "points": 0}]}
//! ```
//!
//! Every key is optional; `"*"` names every office (or kind) of the model; `{}`
//! changes nothing. "Adding n promoted months" is P + n at the snapshot the
//! settlement reads, the denominator unchanged.

use super::evaluate::{Override, Overrides};
use super::model::Model;
use super::settlement::{AdjustmentBase, RuleOptions};
use super::BandMode;
use crate::core::i18n::{msg, Lang};
use crate::core::money::Rounding;
use crate::profiles::pension::dataset::Kind;
use serde::{Deserialize, Serialize};

/// A scenario as saved: settings and assumptions only, never records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band_mode: Option<BandMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment_base: Option<AdjustmentBase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjust: Vec<Adjust>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub account_transfer: Vec<TransferChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incident_points: Vec<PointsChange>,
}

/// Promoted months added to an office (or every office, `"*"`) and a kind (or
/// every kind, `"*"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjust {
    pub office_code: String,
    #[serde(default = "every")]
    pub kind: String,
    pub promoted_months_added: i64,
}

/// An office's account-transfer counts; a count left out keeps the office's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferChange {
    pub office_code: String,
    #[serde(default)]
    pub target_count: Option<i64>,
    #[serde(default)]
    pub acquired_count: Option<i64>,
}

/// An office's incident points for the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointsChange {
    pub office_code: String,
    pub points: i64,
}

fn every() -> String {
    "*".into()
}

/// Why a scenario does not apply to a model: each names the entry to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ScenarioError {
    UnknownOffice {
        office_code: String,
    },
    UnknownKind {
        kind: String,
    },
    /// A transfer change without a target, for an office that has none.
    NoTransferTarget {
        office_code: String,
    },
}

impl ScenarioError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ScenarioError::UnknownOffice { office_code } => {
                msg("scenario.unknown_office").arg("office", office_code).render(lang)
            }
            ScenarioError::UnknownKind { kind } => {
                msg("scenario.unknown_kind").arg("kind", kind).render(lang)
            }
            ScenarioError::NoTransferTarget { office_code } => {
                msg("scenario.no_transfer_target").arg("office", office_code).render(lang)
            }
        }
    }
}

impl Scenario {
    /// The reading and rounding the scenario asks for, over `base`.
    pub fn rules(&self, base: RuleOptions) -> RuleOptions {
        RuleOptions {
            band_mode: self.band_mode.unwrap_or(base.band_mode),
            rounding: self.rounding.unwrap_or(base.rounding),
            adjustment_base: self.adjustment_base.unwrap_or(base.adjustment_base),
        }
    }

    /// The overrides for `model`, `"*"` expanded; every unknown office or kind
    /// is reported.
    pub fn overrides(&self, model: &Model) -> Result<Overrides, Vec<ScenarioError>> {
        let mut errors = Vec::new();
        let mut out = Vec::new();
        for a in &self.adjust {
            let kinds = kinds(&a.kind).map_err(|e| errors.push(e)).unwrap_or_default();
            for i in offices(model, &a.office_code).map_err(|e| errors.push(e)).unwrap_or_default() {
                for &kind in &kinds {
                    let office_code = model.offices[i].code.clone();
                    out.push(Override::PromotedMonthsAdded {
                        office_code,
                        kind,
                        months: a.promoted_months_added,
                    });
                }
            }
        }
        for t in &self.account_transfer {
            for i in offices(model, &t.office_code).map_err(|e| errors.push(e)).unwrap_or_default() {
                let office = &model.offices[i];
                let own = office.transfer.as_ref();
                let target = t.target_count.or(own.map(|o| o.target_count));
                let acquired = t.acquired_count.or(own.map(|o| o.acquired_count));
                match (target, acquired) {
                    (Some(target_count), Some(acquired_count)) => out.push(Override::AccountTransfer {
                        office_code: office.code.clone(),
                        target_count,
                        acquired_count,
                    }),
                    _ => errors.push(ScenarioError::NoTransferTarget { office_code: office.code.clone() }),
                }
            }
        }
        for p in &self.incident_points {
            for i in offices(model, &p.office_code).map_err(|e| errors.push(e)).unwrap_or_default() {
                out.push(Override::IncidentPoints {
                    office_code: model.offices[i].code.clone(),
                    points: p.points,
                });
            }
        }
        if errors.is_empty() {
            Ok(Overrides(out))
        } else {
            Err(errors)
        }
    }
}

/// The model's offices a code names (`"*"`: all).
fn offices(model: &Model, code: &str) -> Result<Vec<usize>, ScenarioError> {
    if code == "*" {
        return Ok((0..model.offices.len()).collect());
    }
    model.office_index(code).map(|i| vec![i]).ok_or(ScenarioError::UnknownOffice { office_code: code.into() })
}

/// The kinds a name means (`"*"`: all; the Japanese name or the code).
fn kinds(name: &str) -> Result<Vec<Kind>, ScenarioError> {
    if name == "*" {
        return Ok(Kind::ALL.to_vec());
    }
    Kind::parse(name).map(|k| vec![k]).ok_or(ScenarioError::UnknownKind { kind: name.into() })
}
