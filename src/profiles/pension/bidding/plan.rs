//! A bid compiled for many runs: the settings checked, the targets and
//! performance assumed per office × kind, the fees per period, and per
//! period and office what each outcome is worth ([`super::kernel`]): the
//! rounded bases, each drawn kind's figures, the transfer's two outcomes and
//! the incident scale's.

use super::error::BidError;
use super::input::{BidInput, Performance, TargetEntry, TransferDraw, MAX_RUNS};
use super::kernel::{kind_plan, Assumed, OfficePlan, PeriodPlan, StepTable};
use crate::core::money::{self, frac, from_decimal, int, Exact, Yen};
use crate::profiles::pension::dataset::{Kind, PensionDataset};
use crate::profiles::pension::rules::model::{KindInputs, Model, OfficeInputs};
use crate::profiles::pension::rules::scenario::{kinds, Entry};
use crate::profiles::pension::rules::settlement::{
    AdjustmentBase, RuleOptions, ACCOUNT_TRANSFER_DECREASE, ACCOUNT_TRANSFER_INCREASE, INCIDENT_CAP,
};
use num_traits::ToPrimitive;
use rust_decimal::Decimal;

/// An office's name and district, for the drivers of the spread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeLabel {
    pub code: String,
    pub name: String,
    pub district: usize,
}

/// A bid ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct BidPlan {
    pub options: RuleOptions,
    pub districts: Vec<String>,
    pub offices: Vec<OfficeLabel>,
    /// Each district's fee bid over the periods simulated.
    pub fees: Vec<Yen>,
    pub periods: Vec<PeriodPlan>,
    /// The weight of the district's shared factor, √ρ, and of the office's own, √(1 − ρ).
    pub factor_weights: (f64, f64),
    pub transfer_probability: f64,
    pub transfer_draw: TransferDraw,
    /// Expected incident points per office and period; 0 draws none.
    pub incident_mean: f64,
}

/// Checks the settings and compiles the bid over `model` (the period the
/// data gives) and `data` (its fees for other periods).
pub fn compile(model: &Model, data: &PensionDataset, input: &BidInput) -> Result<BidPlan, Vec<BidError>> {
    check_settings(input).map_err(|e| vec![e])?;
    let options = RuleOptions {
        band_mode: input.band_mode,
        rounding: input.rounding,
        adjustment_base: input.adjustment_base,
    };
    let numbers = if input.periods.is_empty() { vec![model.period.number] } else { input.periods.clone() };
    let mut errors = Vec::new();
    let targets = assumed_targets(model, &input.targets, &mut errors);
    let draws = assumed_performance(model, &input.performance, &targets, &mut errors);
    let fees = period_fees(model, data, input, &numbers, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let steps = StepTable::new(input.band_mode);
    let mut periods = Vec::with_capacity(numbers.len());
    for (number, fees) in numbers.iter().zip(&fees) {
        let rebased = model
            .with_period_fees(fees)
            .map_err(|_| vec![BidError::Overflow { office_code: String::new() }])?;
        if input.incident_points_mean > Decimal::ZERO && rebased.incident_scale.is_empty() {
            return Err(vec![BidError::IncidentsWithoutScale]);
        }
        let offices = rebased
            .offices
            .iter()
            .enumerate()
            .map(|(i, office)| {
                office_plan(&rebased, office, &targets[i], &draws[i], &options, &steps)
                    .ok_or_else(|| BidError::Overflow { office_code: office.code.clone() })
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| vec![e])?;
        periods.push(PeriodPlan { number: *number, offices });
    }
    let totals = (0..model.districts.len()).map(|d| fees.iter().map(|f| f[d]).sum()).collect();
    let rho = input.district_correlation.to_f64().unwrap_or(0.0);
    Ok(BidPlan {
        options,
        districts: model.districts.iter().map(|d| d.name.clone()).collect(),
        offices: model
            .offices
            .iter()
            .map(|o| OfficeLabel { code: o.code.clone(), name: o.name.clone(), district: o.district })
            .collect(),
        fees: totals,
        periods,
        factor_weights: (rho.sqrt(), (1.0 - rho).sqrt()),
        transfer_probability: input.account_transfer_above_target_probability.to_f64().unwrap_or(0.0),
        transfer_draw: input.account_transfer_draw,
        incident_mean: input.incident_points_mean.to_f64().unwrap_or(0.0),
    })
}

fn check_settings(input: &BidInput) -> Result<(), BidError> {
    let unit = |d: Decimal| (Decimal::ZERO..=Decimal::ONE).contains(&d);
    if !unit(input.district_correlation) {
        return Err(BidError::out_of_range("district_correlation", input.district_correlation, "0–1"));
    }
    let p = input.account_transfer_above_target_probability;
    if !unit(p) {
        return Err(BidError::out_of_range("account_transfer_above_target_probability", p, "0–1"));
    }
    if input.incident_points_mean < Decimal::ZERO || input.incident_points_mean > Decimal::ONE_HUNDRED {
        return Err(BidError::out_of_range("incident_points_mean", input.incident_points_mean, "0–100"));
    }
    if !(1..=MAX_RUNS).contains(&input.runs()) {
        return Err(BidError::out_of_range("runs", input.runs(), "1–1,000,000"));
    }
    for p in input.performance.iter() {
        if p.ratio_sd < Decimal::ZERO || p.ratio_sd > Decimal::ONE {
            return Err(BidError::out_of_range("ratio_sd", p.ratio_sd, "0–1"));
        }
        if let Some(mean) = p.ratio_mean {
            if mean < Decimal::ZERO || mean > Decimal::from(3) || mean.normalize().scale() > 6 {
                return Err(BidError::out_of_range("ratio_mean", mean, "0–3, at most 6 decimals"));
            }
        }
    }
    for t in &input.targets {
        if t.target_percent <= Decimal::ZERO || t.target_percent > Decimal::ONE_HUNDRED {
            return Err(BidError::out_of_range("target_percent", t.target_percent, "0 < target ≤ 100"));
        }
    }
    match input.periods.iter().find(|p| !(1..=3).contains(*p)) {
        Some(p) => Err(BidError::NoSuchPeriod { period: *p }),
        None => Ok(()),
    }
}

/// Per office × kind, the target in force: the data's, or the last entry's.
fn assumed_targets(
    model: &Model,
    entries: &[TargetEntry],
    errors: &mut Vec<BidError>,
) -> Vec<[Option<Exact>; 3]> {
    let mut out: Vec<[Option<Exact>; 3]> =
        model.offices.iter().map(|o| o.kinds.clone().map(|k| k.target)).collect();
    for entry in entries {
        let level = from_decimal(entry.target_percent) / int(100);
        for (office, kind) in named(model, entry, &entry.kind, errors) {
            out[office][kind.index()] = Some(level);
        }
    }
    out
}

/// The office indices × kinds an entry names.
fn named(model: &Model, entry: &impl Entry, kind: &str, errors: &mut Vec<BidError>) -> Vec<(usize, Kind)> {
    let offices =
        entry.offices().matching(model).map_err(|e| errors.push(BidError::Entry(e))).unwrap_or_default();
    let kinds = kinds(kind).map_err(|e| errors.push(BidError::Entry(e))).unwrap_or_default();
    let index = |o: &OfficeInputs| model.office_index(&o.code).unwrap_or_default();
    offices.iter().flat_map(|o| kinds.iter().map(move |k| (index(o), *k))).collect()
}

/// Per office × kind, the performance in force (default: 100 %, no spread).
fn assumed_performance(
    model: &Model,
    entries: &[Performance],
    targets: &[[Option<Exact>; 3]],
    errors: &mut Vec<BidError>,
) -> Vec<[Assumed; 3]> {
    let default = || Assumed { mean: int(1), sd: Decimal::ZERO };
    let mut out: Vec<[Assumed; 3]> =
        model.offices.iter().map(|_| [default(), default(), default()]).collect();
    for (i, entry) in entries.iter().enumerate() {
        if entry.ratio_mean.is_none() && !entry.like_last_period {
            errors.push(BidError::NoMean { entry: i });
            continue;
        }
        for (office, kind) in named(model, entry, &entry.kind, errors) {
            let inputs = &model.offices[office].kinds[kind.index()];
            let mean = match (entry.like_last_period, entry.ratio_mean) {
                (true, _) => last_ratio(inputs),
                (false, mean) => mean.map(from_decimal),
            };
            // An office × kind without a ratio in the data keeps what it had.
            if let Some(mean) = mean.filter(|_| targets[office][kind.index()].is_some()) {
                out[office][kind.index()] = Assumed { mean, sd: entry.ratio_sd };
            }
        }
    }
    out
}

/// The ratio the data shows: P ÷ D ÷ target.
fn last_ratio(inputs: &KindInputs) -> Option<Exact> {
    let target = inputs.target.as_ref()?;
    let d = inputs.denominator();
    (d > 0).then(|| frac(inputs.promoted_months, d) / target)
}

/// Per period simulated, each district's fee: the last entry for it, else the data's.
fn period_fees(
    model: &Model,
    data: &PensionDataset,
    input: &BidInput,
    numbers: &[u8],
    errors: &mut Vec<BidError>,
) -> Vec<Vec<Yen>> {
    for entry in &input.fees {
        if !model.districts.iter().any(|d| d.name == entry.district) {
            let district = entry.district.clone();
            errors.push(BidError::Entry(
                crate::profiles::pension::rules::scenario::ScenarioError::UnknownDistrict { district },
            ));
        }
    }
    numbers
        .iter()
        .map(|&period| {
            model
                .districts
                .iter()
                .map(|d| {
                    let given = input
                        .fees
                        .iter()
                        .rev()
                        .find(|f| f.district == d.name && f.period.is_none_or(|p| p == period));
                    let loaded = data.fees.iter().find(|f| f.district == d.name && f.period == period);
                    let own = (period == model.period.number).then_some(d.period_fee_yen);
                    given.map(|f| f.fee_yen).or(loaded.map(|f| f.fee_yen)).or(own).unwrap_or_else(|| {
                        errors.push(BidError::MissingFee { district: d.name.clone(), period });
                        0
                    })
                })
                .collect()
        })
        .collect()
}

fn office_plan(
    model: &Model,
    office: &OfficeInputs,
    targets: &[Option<Exact>; 3],
    draws: &[Assumed; 3],
    options: &RuleOptions,
    steps: &StepTable,
) -> Option<OfficePlan> {
    let rounding = options.rounding;
    let mut fixed_yen: Yen = 0;
    let mut kinds = Vec::new();
    for inputs in &office.kinds {
        let base_yen = rounding.to_yen(&inputs.base).ok()?;
        fixed_yen += base_yen;
        let (Some(target), d) = (&targets[inputs.kind.index()], inputs.denominator()) else { continue };
        if d <= 0 {
            continue;
        }
        let base = match options.adjustment_base {
            AdjustmentBase::Exact => inputs.base,
            AdjustmentBase::RoundedYen => int(base_yen),
        };
        let assumed = &draws[inputs.kind.index()];
        kinds.push(kind_plan(inputs.kind, d, target, assumed, &base, rounding, steps)?);
    }
    let base_sum = match options.adjustment_base {
        AdjustmentBase::Exact => office.base_sum,
        AdjustmentBase::RoundedYen => int(fixed_yen),
    };
    let yen = |rate: &Exact| rounding.to_yen(&money::mul(&base_sum, rate).ok()?).ok();
    let transfer_yen = [yen(&-ACCOUNT_TRANSFER_DECREASE)?, yen(&ACCOUNT_TRANSFER_INCREASE)?];
    let incident_yen = model
        .incident_scale
        .iter()
        .map(|(min, rate)| Some((*min, yen(&-(*rate).min(INCIDENT_CAP))?)))
        .collect::<Option<Vec<_>>>()?;
    Some(OfficePlan { fixed_yen, kinds, transfer_yen, incident_yen })
}
