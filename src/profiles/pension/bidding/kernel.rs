//! The per-draw arithmetic of a bid (#15): what one office × kind is worth
//! for a drawn ratio, in integers. Each kind's achievement adjustment depends
//! on its 0.1 % step only (digest A5): P from the ratio and the step from P
//! are two divisions (in `i64` when the figures fit: a hardware division, in
//! Wasm too), then one table of the rule's hundredths shared by every kind
//! (4 KB) and one rounding division. [`OfficePlan::total`] is what `evaluate`
//! gives for the same promoted months, transfer result and points (the
//! property test in `tests/bidding.rs` holds them equal).

use crate::core::money::{frac, int};
use crate::core::money::{Exact, Rounding, Yen};
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::rules::achievement::achievement_fraction;
use crate::profiles::pension::rules::BandMode;
use num_traits::ToPrimitive;
use rust_decimal::Decimal;
use std::sync::Arc;

/// Micro-units: a sampled deviation of the ratio is whole millionths.
pub const MICRO: i128 = 1_000_000;

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

/// The assumed ratio, as an exact mean and a standard deviation.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Assumed {
    pub mean: Exact,
    pub sd: Decimal,
}

/// The rule's adjustment in hundredths of a percent at each signed 0.1 %
/// step σ (ratio = 100 % + σ × 0.1 %), over the steps where it moves.
pub(super) struct StepTable {
    lowest: i64,
    hundredths: Arc<[i64]>,
}

impl StepTable {
    pub(super) fn new(mode: BandMode) -> StepTable {
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

pub(super) fn kind_plan(
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
