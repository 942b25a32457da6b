//! Evaluating a prepared [`Model`] under a reading, a rounding and overrides:
//! pure, no look-ups by scanning, so what-if and Monte Carlo can run it many
//! times. Every yen figure is an exact fraction rounded once by the chosen
//! [`crate::core::money::Rounding`]: each base (per kind), each achievement
//! adjustment (per kind), the account-transfer adjustment and the incident
//! deduction. Totals are sums of those rounded figures.

use super::achievement::{achievement_fraction, stepped_percent, INSTRUCTION_BELOW, STEEP_DECREASE_BELOW};
use super::flags::{Flag, KindFlag};
use super::model::{KindInputs, Model, OfficeInputs};
use super::settlement::{
    all_below, AccountTransferResult, AdjustmentBase, DistrictSettlement, KindSettlement, OfficeSettlement,
    RuleOptions, RulesInForce, SettleError, Settlement, ACCOUNT_TRANSFER_DECREASE, ACCOUNT_TRANSFER_INCREASE,
    IMPLAUSIBLE_RATIO_ABOVE_PERCENT, INCIDENT_CAP, RATE_PLACES,
};
use crate::core::money::{self, frac, int, to_decimal, Exact, Overflow, Yen};
use crate::profiles::pension::dataset::Kind;
use num_traits::Zero;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One change to the prepared inputs of an office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "override", rename_all = "snake_case")]
pub enum Override {
    /// `months` more 事業者督励月数 (P + n) at the snapshot the settlement reads,
    /// the denominator unchanged. Negative takes months away.
    PromotedMonthsAdded { office_code: String, kind: Kind, months: i64 },
    /// The office's account-transfer target and acquired counts (digest A6).
    AccountTransfer { office_code: String, target_count: i64, acquired_count: i64 },
    /// The office's incident points for the period (digest A7).
    IncidentPoints { office_code: String, points: i64 },
}

/// A set of overrides, applied in order (a later one of the same kind for the
/// same office replaces an earlier, except promoted months, which add up).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overrides(pub Vec<Override>);

impl Overrides {
    pub fn none() -> Overrides {
        Overrides::default()
    }
}

/// What the overrides change in one office.
#[derive(Debug, Clone, Default)]
struct OfficeDelta {
    promoted_added: [i64; 3],
    transfer: Option<AccountTransferResult>,
    incident_points: Option<i64>,
}

impl OfficeDelta {
    fn is_empty(&self) -> bool {
        self.promoted_added == [0; 3] && self.transfer.is_none() && self.incident_points.is_none()
    }
}

/// The overrides per office index; empty when there are none.
fn deltas(model: &Model, overrides: &Overrides) -> Result<Vec<OfficeDelta>, Vec<SettleError>> {
    if overrides.0.is_empty() {
        return Ok(Vec::new());
    }
    let mut deltas = vec![OfficeDelta::default(); model.offices.len()];
    let mut errors = Vec::new();
    for o in &overrides.0 {
        let (Override::PromotedMonthsAdded { office_code, .. }
        | Override::AccountTransfer { office_code, .. }
        | Override::IncidentPoints { office_code, .. }) = o;
        let Some(i) = model.office_index(office_code) else {
            errors.push(SettleError::UnknownOverrideOffice { office_code: office_code.clone() });
            continue;
        };
        let d = &mut deltas[i];
        match *o {
            Override::PromotedMonthsAdded { kind, months, .. } => {
                let slot = &mut d.promoted_added[kind.index()];
                *slot = slot.saturating_add(months);
            }
            Override::AccountTransfer { target_count, acquired_count, .. } => {
                d.transfer = Some(AccountTransferResult { target_count, acquired_count })
            }
            Override::IncidentPoints { points, .. } => d.incident_points = Some(points),
        }
    }
    if errors.is_empty() {
        Ok(deltas)
    } else {
        Err(errors)
    }
}

/// Settles a prepared model under `options` and `overrides`.
pub fn evaluate(
    model: &Model,
    options: &RuleOptions,
    overrides: &Overrides,
) -> Result<Settlement, Vec<SettleError>> {
    evaluate_reusing(model, options, overrides, None)
}

/// [`evaluate`], taking each office the overrides leave alone from
/// `unchanged`: the same model evaluated under the same options with no
/// overrides (checked by its rules, period, as-of month and offices; anything
/// else is computed in full). What a what-if edit of a few offices costs.
pub fn evaluate_changed(
    model: &Model,
    options: &RuleOptions,
    overrides: &Overrides,
    unchanged: &Settlement,
) -> Result<Settlement, Vec<SettleError>> {
    let fits = unchanged.rules == RulesInForce::new(options)
        && (unchanged.period, unchanged.as_of) == (model.period.number, model.as_of)
        && unchanged.offices.len() == model.offices.len()
        && unchanged.offices.iter().zip(&model.offices).all(|(o, m)| o.office_code == m.code);
    evaluate_reusing(model, options, overrides, fits.then_some(unchanged))
}

fn evaluate_reusing(
    model: &Model,
    options: &RuleOptions,
    overrides: &Overrides,
    unchanged: Option<&Settlement>,
) -> Result<Settlement, Vec<SettleError>> {
    let deltas = deltas(model, overrides)?;
    let mut offices = Vec::with_capacity(model.offices.len());
    let mut errors = Vec::new();
    for (i, office) in model.offices.iter().enumerate() {
        let delta = deltas.get(i).filter(|d| !d.is_empty());
        let settled = match (unchanged, delta) {
            (Some(base), None) => Ok(base.offices[i].clone()),
            _ => settle_office(model, office, delta, options),
        };
        match settled {
            Ok(o) => offices.push(o),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let districts = district_summaries(model, &offices);
    let instruction_trigger = all_below(offices.iter().flat_map(|o| &o.kinds), INSTRUCTION_BELOW);
    Ok(Settlement {
        instruction_trigger,
        period: model.period.number,
        period_first: model.period.first,
        period_last: model.period.last(),
        as_of: model.as_of,
        provisional: model.as_of < model.period.last(),
        rules: RulesInForce::new(options),
        offices,
        districts,
    })
}

fn settle_office(
    model: &Model,
    office: &OfficeInputs,
    delta: Option<&OfficeDelta>,
    options: &RuleOptions,
) -> Result<OfficeSettlement, SettleError> {
    let overflow = |_: Overflow| SettleError::Overflow { office_code: office.code.clone() };
    let mut kinds = Vec::with_capacity(3);
    for (i, inputs) in office.kinds.iter().enumerate() {
        let added = delta.map_or(0, |d| d.promoted_added[i]);
        let promoted = inputs.promoted_months.saturating_add(added);
        if added != 0 && !(0..=inputs.denominator().max(0)).contains(&promoted) {
            return Err(SettleError::OverrideOutOfRange {
                office_code: office.code.clone(),
                kind: inputs.kind,
                promoted,
                denominator: inputs.denominator(),
            });
        }
        let kind = kind_result(inputs, promoted, options).map_err(overflow)?;
        // The data as read only: a what-if may take a ratio anywhere.
        let implausible =
            kind.exact_ratio.as_ref().is_some_and(|r| *r > frac(IMPLAUSIBLE_RATIO_ABOVE_PERCENT, 100));
        if added == 0 && implausible {
            return Err(SettleError::ImplausibleRatio {
                office_code: office.code.clone(),
                kind: inputs.kind,
                ratio_percent: kind.ratio.map_or(Decimal::ZERO, |r| (r * Decimal::ONE_HUNDRED).round_dp(1)),
                target_percent: kind.target.map_or(Decimal::ZERO, |t| (t * Decimal::ONE_HUNDRED).normalize()),
            });
        }
        kinds.push(kind);
    }
    let rounding = options.rounding;
    let base_yen: Yen = kinds.iter().map(|k| k.base_yen).sum();
    // What the account transfer and incidents take their percentage of (fix a).
    let base_sum = match options.adjustment_base {
        AdjustmentBase::Exact => office.base_sum,
        AdjustmentBase::RoundedYen => int(base_yen),
    };
    let transfer = delta.and_then(|d| d.transfer.clone()).or_else(|| office.transfer.clone());
    let transfer_rate =
        transfer.as_ref().map_or(Exact::zero(), |t| match t.acquired_count.cmp(&t.target_count) {
            std::cmp::Ordering::Greater => ACCOUNT_TRANSFER_INCREASE,
            std::cmp::Ordering::Less => -ACCOUNT_TRANSFER_DECREASE,
            std::cmp::Ordering::Equal => Exact::zero(),
        });
    let transfer_yen =
        rounding.to_yen(&money::mul(&base_sum, &transfer_rate).map_err(overflow)?).map_err(overflow)?;

    let incident_points = delta.and_then(|d| d.incident_points).unwrap_or(office.incident_points);
    let incident_rate = incident_rate(model, office, incident_points)?;
    let incident_yen =
        rounding.to_yen(&money::mul(&base_sum, &-incident_rate).map_err(overflow)?).map_err(overflow)?;

    let achievement_yen: Yen = kinds.iter().map(|k| k.achievement_adjustment_yen).sum();
    let mut flags = Vec::new();
    if all_below(&kinds, INSTRUCTION_BELOW) {
        flags.push(Flag::AllKindsBelow80);
    }
    if office.plan_shortfall {
        flags.push(Flag::PlanShortfall);
    }
    if transfer.is_none() {
        flags.push(Flag::MissingAccountTransfer);
    }
    for k in &kinds {
        flags.extend(k.flags.iter().map(|f| Flag::on_kind(k.kind, *f)));
    }
    Ok(OfficeSettlement {
        office_code: office.code.clone(),
        office_name: office.name.clone(),
        prefecture: office.prefecture.clone(),
        district: model.districts[office.district].name.clone(),
        kinds,
        base_yen,
        achievement_adjustment_yen: achievement_yen,
        account_transfer: transfer,
        account_transfer_adjustment_yen: transfer_yen,
        incident_points,
        incident_deduction_percent: to_decimal(&(incident_rate * int(100)), 4).normalize(),
        incident_deduction_yen: incident_yen,
        total_yen: base_yen + achievement_yen + transfer_yen + incident_yen,
        flags,
    })
}

/// A kind's achievement adjustment in yen with `promoted` months, under
/// `options` (what where-effort-pays compares).
pub fn kind_adjustment_yen(
    inputs: &KindInputs,
    promoted: i64,
    options: &RuleOptions,
) -> Result<Yen, Overflow> {
    Ok(kind_result(inputs, promoted, options)?.achievement_adjustment_yen)
}

fn kind_result(
    inputs: &KindInputs,
    promoted: i64,
    options: &RuleOptions,
) -> Result<KindSettlement, Overflow> {
    let denominator = inputs.denominator();
    let rate = (denominator > 0).then(|| frac(promoted, denominator));
    let target = &inputs.target;
    let ratio = match (&rate, target) {
        (Some(rate), Some(target)) => money::div(rate, target)?,
        _ => None,
    };
    let fraction = match &ratio {
        Some(ratio) => achievement_fraction(ratio, options.band_mode)?,
        None => Exact::zero(),
    };
    let rounding = options.rounding;
    let base_yen = rounding.to_yen(&inputs.base)?;
    let adjustment = match options.adjustment_base {
        AdjustmentBase::Exact => money::mul(&inputs.base, &fraction)?,
        AdjustmentBase::RoundedYen => money::mul(&int(base_yen), &fraction)?,
    };
    let mut flags = Vec::new();
    if rate.is_none() {
        flags.push(KindFlag::NoDenominator);
    }
    if target.is_none() {
        flags.push(KindFlag::MissingTarget);
    }
    if ratio.as_ref().is_some_and(|r| *r < STEEP_DECREASE_BELOW) {
        flags.push(KindFlag::SteepDecrease);
    }
    Ok(KindSettlement {
        kind: inputs.kind,
        due_months: inputs.due_months,
        excluded_paid_months: inputs.excluded_paid_months,
        forced_months: inputs.forced_months,
        promoted_months: promoted,
        rate: rate.as_ref().map(|r| to_decimal(r, RATE_PLACES)),
        target: target.as_ref().map(|t| to_decimal(t, RATE_PLACES).normalize()),
        ratio: ratio.as_ref().map(|r| to_decimal(r, RATE_PLACES)),
        ratio_stepped_percent: match &ratio {
            Some(r) => Some(to_decimal(&stepped_percent(r)?, 1)),
            None => None,
        },
        adjustment_percent: to_decimal(&money::mul(&fraction, &int(100))?, 4).normalize(),
        base_yen,
        achievement_adjustment_yen: rounding.to_yen(&adjustment)?,
        flags,
        exact_ratio: ratio,
    })
}

/// The deduction rate (a fraction, ≤ 5 %) for the accumulated points: the scale
/// row with the largest min points not above them (digest A7).
fn incident_rate(model: &Model, office: &OfficeInputs, points: i64) -> Result<Exact, SettleError> {
    if points <= 0 {
        return Ok(Exact::zero());
    }
    if model.incident_scale.is_empty() {
        return Err(SettleError::IncidentsWithoutScale { office_code: office.code.clone(), points });
    }
    let rate = model
        .incident_scale
        .iter()
        .rev()
        .find(|(min, _)| *min <= points)
        .map_or(Exact::zero(), |(_, rate)| *rate);
    Ok(rate.min(INCIDENT_CAP))
}

/// Per district: the sums of its offices' rounded figures, and its flags.
fn district_summaries(model: &Model, offices: &[OfficeSettlement]) -> Vec<DistrictSettlement> {
    let mut districts: Vec<DistrictSettlement> = model
        .districts
        .iter()
        .map(|d| DistrictSettlement {
            district: d.name.clone(),
            period_fee_yen: d.period_fee_yen,
            office_count: 0,
            base_yen: 0,
            achievement_adjustment_yen: 0,
            account_transfer_adjustment_yen: 0,
            incident_deduction_yen: 0,
            total_yen: 0,
            flags: Vec::new(),
        })
        .collect();
    let mut below: Vec<Vec<&KindSettlement>> = vec![Vec::new(); districts.len()];
    for (inputs, o) in model.offices.iter().zip(offices) {
        let d = &mut districts[inputs.district];
        d.office_count += 1;
        d.base_yen += o.base_yen;
        d.achievement_adjustment_yen += o.achievement_adjustment_yen;
        d.account_transfer_adjustment_yen += o.account_transfer_adjustment_yen;
        d.incident_deduction_yen += o.incident_deduction_yen;
        d.total_yen += o.total_yen;
        below[inputs.district].extend(&o.kinds);
    }
    for ((d, inputs), kinds) in districts.iter_mut().zip(&model.districts).zip(below) {
        if all_below(kinds, INSTRUCTION_BELOW) {
            d.flags.push(Flag::AllBelow80);
        }
        for kind in Kind::ALL {
            if inputs.due_months[kind.index()] == 0 {
                d.flags.push(Flag::NoDueMonths { kind });
            } else if !inputs.due_months_given[kind.index()] {
                d.flags.push(Flag::ShareOverOfficesLoaded { kind });
            }
        }
        if d.base_yen > d.period_fee_yen {
            d.flags.push(Flag::BasesExceedFee);
        }
    }
    districts
}
