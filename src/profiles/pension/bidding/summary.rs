//! What the runs say (#15): per district and in total, the mean, P5, P50 and
//! P95 of the fee received, the probability of ending below the fee bid, the
//! expected decrease and increase, a histogram and a cumulative curve; and
//! which offices drive the spread. Percentiles are nearest-rank (the
//! ⌈q × N⌉-th smallest run), so each is a run's exact yen; means are exact
//! sums ÷ N rounded once by the bid's rounding.

use super::plan::BidPlan;
use crate::core::money::Yen;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Bars of the histogram.
pub const BINS: usize = 30;
/// Offices listed as drivers of the spread.
pub const DRIVERS: usize = 10;

/// What the runs gave: every run's total per district, and the sums the
/// drivers of the spread are computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draws {
    pub runs: u32,
    pub seed: u64,
    /// `[district][run]`: the district's fee outcome over the periods simulated.
    pub district_totals: Vec<Vec<Yen>>,
    /// Per office, Σ over runs of its total.
    pub office_sum: Vec<i128>,
    /// Per office, Σ over runs of its total × the run's grand total.
    pub office_cross: Vec<i128>,
}

/// One district, or the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The district's name; `None` for the total.
    pub district: Option<String>,
    /// The fee bid over the periods simulated.
    pub fee_yen: Yen,
    pub mean: Yen,
    pub p5: Yen,
    pub p50: Yen,
    pub p95: Yen,
    pub min: Yen,
    pub max: Yen,
    /// The share of runs ending below the fee bid (0–1).
    pub prob_below_fee: Decimal,
    /// The mean shortfall under the fee (0 in a run at or above it).
    pub expected_decrease_yen: Yen,
    /// The mean excess over the fee.
    pub expected_increase_yen: Yen,
    pub histogram: Vec<Bin>,
    /// (percent, yen): the nearest-rank percentile at 0, 1, …, 100.
    pub cumulative: Vec<(u8, Yen)>,
}

/// Runs whose total lies in `[from_yen, to_yen)` (the last bar includes its end).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bin {
    pub from_yen: Yen,
    pub to_yen: Yen,
    pub runs: u32,
}

/// An office and its share of the spread of the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Driver {
    pub office_code: String,
    pub office_name: String,
    pub district: String,
    /// cov(office, total) ÷ var(total), in percent: the shares add up to 100.
    pub share_percent: Decimal,
    /// The office's mean total over the periods simulated.
    pub mean_yen: Yen,
}

/// The whole answer of a bid simulation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidResult {
    pub runs: u32,
    pub seed: u64,
    pub periods: Vec<u8>,
    pub total: Summary,
    pub districts: Vec<Summary>,
    pub drivers: Vec<Driver>,
}

/// Summarises the draws of `plan`.
pub fn summarize(plan: &BidPlan, draws: &Draws) -> BidResult {
    let rounding = plan.options.rounding;
    let n = draws.runs.max(1);
    let grand: Vec<Yen> =
        (0..draws.runs as usize).map(|r| draws.district_totals.iter().map(|d| d[r]).sum()).collect();
    let fee: Yen = plan.fees.iter().sum();
    let districts = plan
        .districts
        .iter()
        .zip(&plan.fees)
        .zip(&draws.district_totals)
        .map(|((name, fee), totals)| summary(Some(name.clone()), *fee, totals.clone(), rounding))
        .collect();
    let drivers = drivers(plan, draws, &grand, n);
    BidResult {
        runs: draws.runs,
        seed: draws.seed,
        periods: plan.periods.iter().map(|p| p.number).collect(),
        total: summary(None, fee, grand, rounding),
        districts,
        drivers,
    }
}

fn summary(
    district: Option<String>,
    fee_yen: Yen,
    mut totals: Vec<Yen>,
    rounding: crate::core::money::Rounding,
) -> Summary {
    totals.sort_unstable();
    let n = totals.len().max(1) as i128;
    let mean = |sum: i128| rounding.quotient_to_yen(sum, n).unwrap_or(0);
    let sum: i128 = totals.iter().map(|t| i128::from(*t)).sum();
    let decrease: i128 = totals.iter().map(|t| i128::from((fee_yen - t).max(0))).sum();
    let increase: i128 = totals.iter().map(|t| i128::from((t - fee_yen).max(0))).sum();
    let below = totals.partition_point(|t| *t < fee_yen);
    Summary {
        district,
        fee_yen,
        mean: mean(sum),
        p5: percentile(&totals, 5),
        p50: percentile(&totals, 50),
        p95: percentile(&totals, 95),
        min: totals.first().copied().unwrap_or(0),
        max: totals.last().copied().unwrap_or(0),
        prob_below_fee: (Decimal::from(below as u64) / Decimal::from(n as u64)).round_dp(6).normalize(),
        expected_decrease_yen: mean(decrease),
        expected_increase_yen: mean(increase),
        histogram: histogram(&totals),
        cumulative: (0..=100).map(|q| (q, percentile(&totals, q))).collect(),
    }
}

/// The nearest-rank percentile of sorted runs: the ⌈q/100 × N⌉-th smallest
/// (the smallest at 0).
pub fn percentile(sorted: &[Yen], percent: u8) -> Yen {
    let n = sorted.len();
    if n == 0 {
        return 0;
    }
    let rank = (usize::from(percent) * n).div_ceil(100).max(1);
    sorted[rank.min(n) - 1]
}

fn histogram(sorted: &[Yen]) -> Vec<Bin> {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else { return Vec::new() };
    let width = (hi - lo) / BINS as Yen + 1;
    let mut bins: Vec<Bin> = (0..BINS as Yen)
        .map(|i| Bin { from_yen: lo + i * width, to_yen: lo + (i + 1) * width, runs: 0 })
        .take_while(|b| b.from_yen <= hi)
        .collect();
    for t in sorted {
        let i = (((t - lo) / width) as usize).min(bins.len() - 1);
        bins[i].runs += 1;
    }
    bins
}

/// The offices with the largest share of the total's variance, largest first.
fn drivers(plan: &BidPlan, draws: &Draws, grand: &[Yen], n: u32) -> Vec<Driver> {
    let n = i128::from(n);
    let sum_t: i128 = grand.iter().map(|t| i128::from(*t)).sum();
    let sum_t2 =
        grand.iter().try_fold(0i128, |acc, t| acc.checked_add(i128::from(*t).checked_mul(i128::from(*t))?));
    let Some(variance) = sum_t2.and_then(|s| n.checked_mul(s)?.checked_sub(sum_t.checked_mul(sum_t)?)) else {
        return Vec::new();
    };
    if variance <= 0 {
        return Vec::new();
    }
    let mut out: Vec<(i128, Driver)> = plan
        .offices
        .iter()
        .enumerate()
        .filter_map(|(i, label)| {
            let cov =
                n.checked_mul(draws.office_cross[i])?.checked_sub(draws.office_sum[i].checked_mul(sum_t)?)?;
            let permille = cov.checked_mul(1000)? / variance;
            let driver = Driver {
                office_code: label.code.clone(),
                office_name: label.name.clone(),
                district: plan.districts[label.district].clone(),
                share_percent: Decimal::new(permille as i64, 1),
                mean_yen: plan.options.rounding.quotient_to_yen(draws.office_sum[i], n).unwrap_or(0),
            };
            Some((cov, driver))
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.office_code.cmp(&b.1.office_code)));
    out.into_iter().take(DRIVERS).map(|(_, d)| d).collect()
}
