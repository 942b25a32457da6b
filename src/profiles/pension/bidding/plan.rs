//! A bid compiled for many runs: per period simulated, per office, the yen
//! each outcome is worth, looked up rather than computed. Each kind's
//! achievement adjustment is a function of its 0.1 % step only (digest A5),
//! so it is tabled once per office × kind over the steps where the rule
//! moves; the account transfer has two outcomes and the incident scale a few.
//! [`OfficePlan::total`] is what `evaluate` gives for the same promoted
//! months, transfer result and points (the property test in
//! `tests/bidding.rs` holds them equal), at a few nanoseconds a kind.

use super::error::BidError;
use super::input::{BidInput, Performance, TargetEntry, TransferDraw, MAX_RUNS};
use crate::core::money::{self, frac, from_decimal, int, Exact, Rounding, Yen};
use crate::profiles::pension::dataset::{Kind, PensionDataset};
use crate::profiles::pension::rules::achievement::achievement_fraction;
use crate::profiles::pension::rules::model::{KindInputs, Model, OfficeInputs};
use crate::profiles::pension::rules::scenario::{kinds, Entry};
use crate::profiles::pension::rules::settlement::{
    AdjustmentBase, RuleOptions, ACCOUNT_TRANSFER_DECREASE, ACCOUNT_TRANSFER_INCREASE, INCIDENT_CAP,
};
use crate::profiles::pension::rules::BandMode;
use num_traits::ToPrimitive;
use rust_decimal::Decimal;
use std::sync::Arc;

/// Micro-units: a sampled deviation of the ratio is whole millionths.
pub const MICRO: i128 = 1_000_000;

/// An office's name and district, for the drivers of the spread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeLabel {
    pub code: String,
    pub name: String,
    pub district: usize,
}

/// One kind of one office whose ratio is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct KindPlan {
    pub kind: Kind,
    /// The rate's denominator D (> 0).
    pub denominator: i64,
    /// The standard deviation of the ratio in millionths.
    pub sd_micro: f64,
    wide: Figures<i128>,
    /// The same figures when they fit `i64` (a hardware division, in Wasm too).
    narrow: Option<Figures<i64>>,
    rounding: Rounding,
    /// The rule's adjustment in hundredths of a percent at each step from
    /// `lowest_step` (one table shared by every kind), clamped at both ends.
    hundredths: Arc<[i64]>,
    lowest_step: i64,
}

/// A kind's fixed figures:
/// P = ⌈(mean_micro + δ × mean_den) × p_coef / p_den⌉ for a deviation δ in
/// millionths; the signed 0.1 % step σ = ⌊P × s_num / s_den⌋ − 1000; the
/// adjustment = base_num × hundredths(σ) / base_den_10k, rounded once.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Figures<T> {
    mean_micro: T,
    mean_den: T,
    p_coef: T,
    p_den: T,
    s_num: T,
    s_den: T,
    base_num: T,
    base_den_10k: T,
}

impl Figures<i128> {
    fn narrow(&self) -> Option<Figures<i64>> {
        let n = |x: i128| i64::try_from(x).ok();
        Some(Figures {
            mean_micro: n(self.mean_micro)?,
            mean_den: n(self.mean_den)?,
            p_coef: n(self.p_coef)?,
            p_den: n(self.p_den)?,
            s_num: n(self.s_num)?,
            s_den: n(self.s_den)?,
            base_num: n(self.base_num)?,
            base_den_10k: n(self.base_den_10k)?,
        })
    }
}

impl KindPlan {
    /// The promoted months a ratio `δ` millionths from the mean reaches: the
    /// least P at or above it, within 0..=D.
    pub fn promoted_at(&self, delta_micro: i64) -> i64 {
        let narrow = self.narrow.and_then(|f| {
            let n = f.mean_micro.checked_add(delta_micro.checked_mul(f.mean_den)?)?.checked_mul(f.p_coef)?;
            Some(i128::from(if n <= 0 { 0 } else { (n - 1) / f.p_den + 1 }))
        });
        let f = &self.wide;
        let reached = narrow.or_else(|| {
            let n = (f.mean_micro + i128::from(delta_micro) * f.mean_den).checked_mul(f.p_coef)?;
            Some(if n <= 0 { 0 } else { (n - 1) / f.p_den + 1 })
        });
        match reached {
            Some(p) => p.min(i128::from(self.denominator)) as i64,
            None if delta_micro < 0 => 0,
            None => self.denominator,
        }
    }

    /// The rounded achievement adjustment with `promoted` months.
    pub fn adjustment_yen(&self, promoted: i64) -> Yen {
        let last = self.hundredths.len() as i64 - 1;
        let at = |step: i64| self.hundredths[(step - 1000 - self.lowest_step).clamp(0, last) as usize];
        if let Some(f) = self.narrow {
            if let Some(n) = promoted.checked_mul(f.s_num) {
                let h = at(n / f.s_den);
                if let Some(n) = f.base_num.checked_mul(h) {
                    return self.rounding.small_quotient_to_yen(n, f.base_den_10k);
                }
            }
        }
        let f = &self.wide;
        let h = at((i128::from(promoted) * f.s_num / f.s_den) as i64);
        self.rounding.quotient_to_yen(f.base_num * i128::from(h), f.base_den_10k).unwrap_or(0)
    }
}

/// One office in one period.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficePlan {
    /// Σ of the kinds' rounded bases (and the adjustments that cannot move).
    pub fixed_yen: Yen,
    /// The kinds whose ratio is drawn (those with a target and a denominator).
    pub kinds: Vec<KindPlan>,
    /// The transfer adjustment below and above target (−3.5 %, +5 %).
    pub transfer_yen: [Yen; 2],
    /// (min points, deduction in yen), ascending.
    pub incident_yen: Vec<(i64, Yen)>,
}

impl OfficePlan {
    /// The office's total for the period: `promoted` months per drawn kind
    /// (in [`OfficePlan::kinds`] order), transfers above target or not, and
    /// incident points.
    pub fn total(&self, promoted: impl IntoIterator<Item = i64>, above: bool, points: i64) -> Yen {
        let adjustments: Yen = self.kinds.iter().zip(promoted).map(|(k, p)| k.adjustment_yen(p)).sum();
        self.fixed_yen + adjustments + self.transfer_yen[usize::from(above)] + self.incident(points)
    }

    pub fn incident(&self, points: i64) -> Yen {
        if points <= 0 {
            return 0;
        }
        self.incident_yen.iter().rev().find(|(min, _)| *min <= points).map_or(0, |(_, yen)| *yen)
    }
}

/// One period simulated.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodPlan {
    pub number: u8,
    /// In the model's office order (by code).
    pub offices: Vec<OfficePlan>,
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

/// The assumed ratio, as an exact mean and a standard deviation.
#[derive(Debug, Clone, PartialEq)]
struct Assumed {
    mean: Exact,
    sd: Decimal,
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

/// The rule's adjustment in hundredths of a percent at each signed 0.1 %
/// step σ (ratio = 100 % + σ × 0.1 %), over the steps where it moves.
struct StepTable {
    lowest: i64,
    hundredths: Arc<[i64]>,
}

impl StepTable {
    fn new(mode: BandMode) -> StepTable {
        // σ from −1000 (ratio 0) to +1000 (200 %, past either cap).
        let at = |step: i64| {
            let f = achievement_fraction(&frac(1000 + step, 1000), mode).unwrap_or_default();
            (f * int(10_000)).to_integer() as i64
        };
        let all: Vec<i64> = (-1000..=1000).map(at).collect();
        let low = all.iter().position(|h| *h != all[0]).map_or(0, |i| i - 1);
        let high = all.iter().rposition(|h| *h != all[all.len() - 1]).map_or(all.len() - 1, |i| i + 1);
        StepTable { lowest: low as i64 - 1000, hundredths: all[low..=high].into() }
    }
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

fn kind_plan(
    kind: Kind,
    denominator: i64,
    target: &Exact,
    assumed: &Assumed,
    base: &Exact,
    rounding: Rounding,
    steps: &StepTable,
) -> Option<KindPlan> {
    let (tn, td) = (*target.numer(), *target.denom());
    let (mn, md) = (*assumed.mean.numer(), *assumed.mean.denom());
    let d = i128::from(denominator);
    let wide = Figures {
        mean_micro: mn.checked_mul(MICRO)?,
        mean_den: md,
        p_coef: tn.checked_mul(d)?,
        p_den: md.checked_mul(MICRO)?.checked_mul(td)?,
        s_num: td.checked_mul(1000)?,
        s_den: d.checked_mul(tn)?.max(1),
        base_num: *base.numer(),
        base_den_10k: base.denom().checked_mul(10_000)?,
    };
    // Every adjustment of the table must be computable exactly.
    let most = steps.hundredths.iter().map(|h| h.abs()).max().unwrap_or(0);
    wide.base_num.checked_mul(i128::from(most))?;
    Some(KindPlan {
        kind,
        denominator,
        sd_micro: (assumed.sd * Decimal::from(1_000_000)).to_f64()?,
        narrow: wide.narrow(),
        wide,
        rounding,
        hundredths: steps.hundredths.clone(),
        lowest_step: steps.lowest,
    })
}
