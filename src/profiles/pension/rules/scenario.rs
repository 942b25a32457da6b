//! What-if scenarios (#14): a named set of changes to a prepared model, with a
//! band reading and rounding of its own if wanted, turned into the
//! [`Overrides`] that [`super::evaluate`] applies. The file the app saves and
//! `shuno whatif` reads:
//!
//! ```json
//! {"name": "…", "band_mode": "tiered", "rounding": "truncate", "projection": "average",
//!  "adjust": [{"office_code": "90101", "kind": "current", "promoted_months_added": 120}],
//!  "ratio": [{"district": "沖縄", "kind": "*", "ratio_percent": "100"}],
//!  "account_transfer": [{"office_code": "90101", "acquired_count": 300}],
//!  "incident_points": [{"prefecture": "沖縄県", "points": 0}]}
//! ```
//!
//! Every key is optional. An entry's offices are those matching its
//! `office_code` (`"*"`, the default: every office), `prefecture` and
//! `district`; its kinds are `kind` (`"*"`, the default: every kind). `{}`
//! changes nothing. "Adding n promoted months" is P + n at the snapshot the
//! settlement reads, the denominator unchanged; a ratio is reached the same
//! way, with the least P whose ratio is at or above it.

use super::evaluate::{Override, Overrides};
use super::model::{Model, OfficeInputs};
use super::projection::Pace;
use super::rate_recovery::promoted_months_at;
use super::settlement::{AdjustmentBase, RuleOptions};
use super::BandMode;
use crate::core::i18n::{msg, Lang};
use crate::core::money::{from_decimal, int, Rounding};
use crate::profiles::pension::dataset::Kind;
use rust_decimal::Decimal;
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
    /// Settle the period's end projected at this pace ("if the pace holds").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projection: Option<Pace>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjust: Vec<Adjust>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratio: Vec<RatioChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub account_transfer: Vec<TransferChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incident_points: Vec<PointsChange>,
}

/// Which offices an entry changes: those matching every field given (each
/// entry carries these three keys; serde's `flatten` would let a misspelt key
/// pass).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Offices {
    pub office_code: String,
    pub prefecture: Option<String>,
    pub district: Option<String>,
}

/// Promoted months added to the offices and kinds named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjust {
    /// An office's code, or `"*"` (the default) for every office.
    #[serde(default = "every")]
    pub office_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default = "every")]
    pub kind: String,
    pub promoted_months_added: i64,
}

/// The achievement ratio (達成割合, % of target) the offices and kinds named
/// reach: P becomes the least whole number of months at or above it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatioChange {
    /// An office's code, or `"*"` (the default) for every office.
    #[serde(default = "every")]
    pub office_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default = "every")]
    pub kind: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub ratio_percent: Decimal,
}

/// Account-transfer counts; a count left out keeps the office's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferChange {
    /// An office's code, or `"*"` (the default) for every office.
    #[serde(default = "every")]
    pub office_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquired_count: Option<i64>,
}

/// Incident points for the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointsChange {
    /// An office's code, or `"*"` (the default) for every office.
    #[serde(default = "every")]
    pub office_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    pub points: i64,
}

/// The offices an entry names.
pub trait Entry {
    fn offices(&self) -> Offices;
}

/// Implements [`Entry`] for types with `office_code`, `prefecture` and
/// `district` fields (the scenario's entries and the bidder's).
macro_rules! entry {
    ($($t:ty),*) => {$(
        impl $crate::profiles::pension::rules::scenario::Entry for $t {
            fn offices(&self) -> $crate::profiles::pension::rules::scenario::Offices {
                $crate::profiles::pension::rules::scenario::Offices {
                    office_code: self.office_code.clone(),
                    prefecture: self.prefecture.clone(),
                    district: self.district.clone(),
                }
            }
        }
    )*};
}
pub(crate) use entry;
entry!(Adjust, RatioChange, TransferChange, PointsChange);

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
    UnknownPrefecture {
        prefecture: String,
    },
    UnknownDistrict {
        district: String,
    },
    UnknownKind {
        kind: String,
    },
    /// A transfer change without a target, for an office that has none.
    NoTransferTarget {
        office_code: String,
    },
    /// A ratio asked of one office and kind that has no target or no
    /// positive denominator.
    NoRatio {
        office_code: String,
        kind: Kind,
    },
}

impl ScenarioError {
    pub fn message(&self, lang: Lang) -> String {
        let message = match self {
            ScenarioError::UnknownOffice { office_code } => {
                msg("scenario.unknown_office").arg("office", office_code)
            }
            ScenarioError::UnknownPrefecture { prefecture } => {
                msg("scenario.unknown_prefecture").arg("prefecture", prefecture)
            }
            ScenarioError::UnknownDistrict { district } => {
                msg("scenario.unknown_district").arg("district", district)
            }
            ScenarioError::UnknownKind { kind } => msg("scenario.unknown_kind").arg("kind", kind),
            ScenarioError::NoTransferTarget { office_code } => {
                msg("scenario.no_transfer_target").arg("office", office_code)
            }
            ScenarioError::NoRatio { office_code, kind } => {
                msg("scenario.no_ratio").arg("office", office_code).arg("kind", kind.japanese())
            }
        };
        message.render(lang)
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

    /// The overrides for `model`, `"*"` expanded; every unknown office,
    /// prefecture, district or kind is reported.
    pub fn overrides(&self, model: &Model) -> Result<Overrides, Vec<ScenarioError>> {
        let mut errors = Vec::new();
        let mut out = Vec::new();
        let matching = |offices: &Offices, kind: Option<&str>, errors: &mut Vec<ScenarioError>| {
            let found = offices.matching(model).map_err(|e| errors.push(e)).unwrap_or_default();
            let kinds = kind.map_or(Ok(Vec::new()), kinds).map_err(|e| errors.push(e)).unwrap_or_default();
            (found, kinds)
        };
        for a in &self.adjust {
            let (found, kinds) = matching(&a.offices(), Some(&a.kind), &mut errors);
            for office in found {
                for &kind in &kinds {
                    let (office_code, months) = (office.code.clone(), a.promoted_months_added);
                    out.push(Override::PromotedMonthsAdded { office_code, kind, months });
                }
            }
        }
        for r in &self.ratio {
            let (found, kinds) = matching(&r.offices(), Some(&r.kind), &mut errors);
            let one = found.len() == 1 && kinds.len() == 1;
            let level = from_decimal(r.ratio_percent) / int(100);
            for office in found {
                for &kind in &kinds {
                    let inputs = &office.kinds[kind.index()];
                    match promoted_months_at(inputs, level) {
                        Some(p) => out.push(Override::PromotedMonthsAdded {
                            office_code: office.code.clone(),
                            kind,
                            months: p.saturating_sub(inputs.promoted_months),
                        }),
                        // A wide entry passes over what has no ratio; one named entry is an error.
                        None if one => {
                            errors.push(ScenarioError::NoRatio { office_code: office.code.clone(), kind })
                        }
                        None => {}
                    }
                }
            }
        }
        // Per office, each count from the last entry that gives it, else the office's own.
        let mut transfers: Vec<(&OfficeInputs, Option<i64>, Option<i64>)> = Vec::new();
        for t in &self.account_transfer {
            for office in matching(&t.offices(), None, &mut errors).0 {
                let at = match transfers.iter().position(|(o, _, _)| o.code == office.code) {
                    Some(i) => i,
                    None => {
                        transfers.push((office, None, None));
                        transfers.len() - 1
                    }
                };
                let counts = &mut transfers[at];
                counts.1 = t.target_count.or(counts.1);
                counts.2 = t.acquired_count.or(counts.2);
            }
        }
        for (office, target, acquired) in transfers {
            let own = office.transfer.as_ref();
            match (target.or(own.map(|o| o.target_count)), acquired.or(own.map(|o| o.acquired_count))) {
                (Some(target_count), Some(acquired_count)) => out.push(Override::AccountTransfer {
                    office_code: office.code.clone(),
                    target_count,
                    acquired_count,
                }),
                _ => errors.push(ScenarioError::NoTransferTarget { office_code: office.code.clone() }),
            }
        }
        for p in &self.incident_points {
            for office in matching(&p.offices(), None, &mut errors).0 {
                out.push(Override::IncidentPoints { office_code: office.code.clone(), points: p.points });
            }
        }
        if errors.is_empty() {
            Ok(Overrides(out))
        } else {
            Err(errors)
        }
    }
}

impl Offices {
    /// Every office.
    pub fn all() -> Offices {
        Offices { office_code: every(), prefecture: None, district: None }
    }

    /// The model's offices that match; a name that matches no office of the
    /// model is an error.
    pub fn matching<'m>(&self, model: &'m Model) -> Result<Vec<&'m OfficeInputs>, ScenarioError> {
        let district = match &self.district {
            Some(name) => Some(
                model
                    .districts
                    .iter()
                    .position(|d| &d.name == name)
                    .ok_or_else(|| ScenarioError::UnknownDistrict { district: name.clone() })?,
            ),
            None => None,
        };
        if let Some(prefecture) = &self.prefecture {
            if !model.offices.iter().any(|o| &o.prefecture == prefecture) {
                return Err(ScenarioError::UnknownPrefecture { prefecture: prefecture.clone() });
            }
        }
        if self.office_code != "*" && model.office_index(&self.office_code).is_none() {
            return Err(ScenarioError::UnknownOffice { office_code: self.office_code.clone() });
        }
        Ok(model
            .offices
            .iter()
            .filter(|o| self.office_code == "*" || o.code == self.office_code)
            .filter(|o| self.prefecture.as_ref().is_none_or(|p| &o.prefecture == p))
            .filter(|o| district.is_none_or(|d| o.district == d))
            .collect())
    }
}

/// The kinds a name means (`"*"`: all; the Japanese name or the code).
pub(crate) fn kinds(name: &str) -> Result<Vec<Kind>, ScenarioError> {
    if name == "*" {
        return Ok(Kind::ALL.to_vec());
    }
    Kind::parse(name).map(|k| vec![k]).ok_or(ScenarioError::UnknownKind { kind: name.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_their_keys_and_refuse_a_misspelt_one() {
        let read = |json: &str| serde_json::from_str::<Scenario>(json);
        let s = read(
            r#"{"adjust": [{"district": "沖縄", "promoted_months_added": 5}],
                        "ratio": [{"office_code": "90101", "kind": "current", "ratio_percent": "110.5"}]}"#,
        )
        .unwrap();
        assert_eq!(s.adjust[0].offices(), Offices { district: Some("沖縄".into()), ..Offices::all() });
        assert_eq!(s.adjust[0].kind, "*");
        assert_eq!(s.ratio[0].ratio_percent, Decimal::new(1105, 1));
        assert!(read(r#"{"adjust": [{"office_code": "1", "promoted_month_added": 5}]}"#).is_err());
        assert!(read(r#"{"incident_points": [{"office": "1", "points": 0}]}"#).is_err());
        assert!(read(r#"{"ratio": [{"ratio_percent": 110}]}"#).is_err(), "a ratio is written as text");
        let back: Scenario = read(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}
