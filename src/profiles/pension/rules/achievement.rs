//! 達成目標（督励納付率）に係る措置 (digest A5): the achievement adjustment as a
//! fraction of the office base, from the achievement ratio 達成割合 = rate ÷ target.
//!
//! Excess and shortfall are counted in 0.1 % steps of the ratio: the excess is
//! floored (切り下げ), the shortfall ceiled (切り上げ). Slopes are per step, in
//! hundredths of a percent of the base; each direction is capped at 25 %.

use crate::core::money::{frac, Exact, Overflow};
use num_rational::Ratio;
use num_traits::{CheckedMul, CheckedSub, One};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How the bands combine, a point the seed leaves open (digest A5 "Ambiguity").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    Hash,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum BandMode {
    /// Each band's slope applies to the part of the excess or shortfall inside that
    /// band, like tax brackets: continuous and monotonic. The default.
    #[default]
    Tiered,
    /// The slope of the band the ratio lies in applies to the whole excess or
    /// shortfall: jumps at 110 %, 95 % and 80 %.
    Flat,
}

impl BandMode {
    pub const ALL: &'static [BandMode] = <BandMode as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<BandMode> {
        code.parse().ok()
    }
}

/// A band: the step it starts at and its slope in hundredths of a percent of base.
struct Band {
    from_step: i64,
    slope: i64,
}

/// ア: 100–110 % +0.05 %, 110–120 % +0.2 %, 120 % and above +0.1 % per 0.1 %.
const INCREASE: [Band; 3] =
    [Band { from_step: 0, slope: 5 }, Band { from_step: 100, slope: 20 }, Band { from_step: 200, slope: 10 }];

/// イ: 95–100 % −0.2 %, 80–95 % −0.05 %, under 80 % −0.1 % per 0.1 %.
const DECREASE: [Band; 3] =
    [Band { from_step: 0, slope: 20 }, Band { from_step: 50, slope: 5 }, Band { from_step: 200, slope: 10 }];

/// 25 % of the base, in hundredths of a percent.
const CAP: i64 = 2500;

/// Below this ratio on every kind, the office risks an instruction (指示, digest
/// A9); the lowest edge of [`DECREASE`].
pub const INSTRUCTION_BELOW: Exact = Ratio::new_raw(80, 100);
/// Below this ratio a decrease is steep (digest A9); the second edge of
/// [`DECREASE`].
pub const STEEP_DECREASE_BELOW: Exact = Ratio::new_raw(95, 100);

/// One band of the rule as data: where it starts (a ratio in percent), where
/// it ends, and its slope in percent of the base per 0.1 % step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandRule {
    pub from_percent: Decimal,
    pub to_percent: Option<Decimal>,
    pub slope_percent_per_step: Decimal,
}

fn rules_of(bands: &[Band], sign: i64) -> Vec<BandRule> {
    let percent = |step: i64| Decimal::new(1000 + sign * step, 1);
    bands
        .iter()
        .enumerate()
        .map(|(i, b)| BandRule {
            from_percent: percent(b.from_step),
            to_percent: bands.get(i + 1).map(|next| percent(next.from_step)),
            slope_percent_per_step: Decimal::new(b.slope, 2),
        })
        .collect()
}

/// ア, the increase bands from 100 % upward.
pub fn increase_bands() -> Vec<BandRule> {
    rules_of(&INCREASE, 1)
}

/// イ, the decrease bands from 100 % downward.
pub fn decrease_bands() -> Vec<BandRule> {
    rules_of(&DECREASE, -1)
}

/// The cap of either direction, in percent of the base.
pub fn cap_percent() -> Decimal {
    Decimal::new(CAP, 2)
}

/// Every edge where the rule changes, in ‰ of ratio, ascending (800, 950,
/// 1000, 1100, 1200): what charts and bars mark.
pub fn band_edges_permille() -> Vec<i64> {
    let mut edges: Vec<i64> = edges_permille().collect();
    edges.sort_unstable();
    edges
}

/// The edges of both tables, each once: 100 % opens both, so the increase
/// table's first band (from step 0) is not counted again.
fn edges_permille() -> impl Iterator<Item = i64> {
    let down = DECREASE.iter().map(|b| 1000 - b.from_step);
    down.chain(INCREASE.iter().filter(|b| b.from_step > 0).map(|b| 1000 + b.from_step))
}

/// Where a ratio lies against the rule's edges: 0 below the lowest edge, up to
/// the number of edges at or above the highest. A ratio on an edge lies above
/// it.
pub fn band_index(ratio: &Exact) -> usize {
    edges_permille().filter(|e| *ratio >= frac(*e, 1000)).count()
}

/// Excess or shortfall of a ratio, in whole 0.1 % steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Steps {
    Excess(i64),
    Shortfall(i64),
    None,
}

/// Counts the 0.1 % steps of excess (floored) or shortfall (ceiled) of `ratio`.
pub fn steps(ratio: &Exact) -> Result<Steps, Overflow> {
    let one = Exact::one();
    let per_mille = Exact::from_integer(1000);
    if *ratio > one {
        let excess = ratio.checked_sub(&one).ok_or(Overflow)?;
        let k = excess.checked_mul(&per_mille).ok_or(Overflow)?.floor();
        Ok(Steps::Excess(to_i64(&k)?))
    } else if *ratio < one {
        let shortfall = one.checked_sub(ratio).ok_or(Overflow)?;
        let k = shortfall.checked_mul(&per_mille).ok_or(Overflow)?.ceil();
        Ok(Steps::Shortfall(to_i64(&k)?))
    } else {
        Ok(Steps::None)
    }
}

/// The ratio as the rule reads it, in percent: 100 % plus the floored excess or
/// minus the ceiled shortfall (0.99965 → 99.9 %, 1.0437 → 104.3 %). This is the
/// figure to show beside an adjustment, so that "100.0 %" never carries a decrease.
pub fn stepped_percent(ratio: &Exact) -> Result<Exact, Overflow> {
    Ok(match steps(ratio)? {
        Steps::Excess(k) => frac(1000 + k, 10),
        Steps::Shortfall(k) => frac(1000 - k, 10),
        Steps::None => Exact::from_integer(100),
    })
}

fn to_i64(x: &Exact) -> Result<i64, Overflow> {
    i64::try_from(x.to_integer()).map_err(|_| Overflow)
}

/// Hundredths of a percent for `k` steps over `bands`, capped. In flat mode a ratio
/// exactly on an edge takes the band it opens: on the excess side (110 %, 120 %) that
/// band *starts* at the edge's step (`edge_opens_next`); on the shortfall side 95 %
/// and 80 % open the band above them, which in steps is the band *ending* there.
fn band_total(k: i64, bands: &[Band], mode: BandMode, edge_opens_next: bool) -> i64 {
    let raw = match mode {
        BandMode::Tiered => bands
            .iter()
            .enumerate()
            .map(|(i, band)| {
                let end = bands.get(i + 1).map_or(i64::MAX, |next| next.from_step);
                (k.min(end) - band.from_step).max(0).saturating_mul(band.slope)
            })
            .fold(0i64, i64::saturating_add),
        BandMode::Flat => {
            let band = bands
                .iter()
                .rev()
                .find(|b| if edge_opens_next { b.from_step <= k } else { b.from_step < k })
                .unwrap_or(&bands[0]);
            k.saturating_mul(band.slope)
        }
    };
    raw.min(CAP)
}

/// The achievement adjustment as a signed fraction of the office base
/// (−0.125 = −12.5 %), capped at ±25 %. 110.0 % and 120.0 % take the band they open,
/// and so do 95.0 % and 80.0 % (the band from that ratio upward).
pub fn achievement_fraction(ratio: &Exact, mode: BandMode) -> Result<Exact, Overflow> {
    let hundredths = match steps(ratio)? {
        Steps::Excess(k) => band_total(k, &INCREASE, mode, true),
        Steps::Shortfall(k) => -band_total(k, &DECREASE, mode, false),
        Steps::None => 0,
    };
    Ok(frac(hundredths, 10_000))
}

/// The adjustment curve the app draws: ratio (as a fraction) → percent of base.
pub fn adjustment_percent(ratio: &Exact, mode: BandMode) -> Result<Exact, Overflow> {
    achievement_fraction(ratio, mode)?.checked_mul(&Exact::from_integer(100)).ok_or(Overflow)
}

/// The curve sampled every 0.1 % of ratio from `from` to `to` (both in 0.1 %
/// units: 600 = 60 %): pairs of (ratio in 0.1 %, percent of base).
pub fn adjustment_curve(mode: BandMode, from: i64, to: i64) -> Result<Vec<(i64, Exact)>, Overflow> {
    (from..=to).map(|r| Ok((r, adjustment_percent(&frac(r, 1000), mode)?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::money::{int, Rounding};
    use num_traits::{Signed, Zero};
    use proptest::prelude::*;

    /// A ratio given in percent with up to two decimals: pct(10437) = 104.37 %.
    fn pct(hundredths_of_percent: i64) -> Exact {
        frac(hundredths_of_percent, 10_000)
    }

    fn yen_on_million(ratio: Exact, mode: BandMode) -> i64 {
        let f = achievement_fraction(&ratio, mode).unwrap();
        Rounding::Truncate.to_yen(&(f * int(1_000_000))).unwrap()
    }

    #[test]
    fn digest_a5_worked_examples_tiered() {
        let cases = [
            (10437, 21_500),
            (11200, 90_000),
            (13000, 250_000),
            (9996, -2_000),
            (9000, -125_000),
            (6000, -250_000),
        ];
        for (ratio, want) in cases {
            assert_eq!(yen_on_million(pct(ratio), BandMode::Tiered), want, "ratio {ratio}");
        }
    }

    #[test]
    fn digest_a5_flat_reading() {
        assert_eq!(yen_on_million(pct(10990), BandMode::Flat), 49_500);
        assert_eq!(yen_on_million(pct(11000), BandMode::Flat), 200_000);
        assert_eq!(yen_on_million(pct(9510), BandMode::Flat), -98_000);
        assert_eq!(yen_on_million(pct(9490), BandMode::Flat), -25_500);
    }

    /// The curve at the points the issue names, both modes, in percent of base.
    #[test]
    fn curve_values() {
        let cases: [(i64, Exact, Exact); 9] = [
            (7000, frac(-25, 1), frac(-25, 1)),
            (8000, frac(-175, 10), frac(-10, 1)),
            (9500, frac(-10, 1), frac(-10, 1)),
            (9995, frac(-2, 10), frac(-2, 10)),
            (10000, int(0), int(0)),
            (10005, int(0), int(0)),
            (11000, frac(5, 1), frac(20, 1)),
            (12000, frac(25, 1), frac(20, 1)),
            (13000, frac(25, 1), frac(25, 1)),
        ];
        for (ratio, tiered, flat) in cases {
            assert_eq!(adjustment_percent(&pct(ratio), BandMode::Tiered).unwrap(), tiered, "tiered {ratio}");
            assert_eq!(adjustment_percent(&pct(ratio), BandMode::Flat).unwrap(), flat, "flat {ratio}");
        }
    }

    #[test]
    fn every_band_edge_in_both_modes() {
        // (ratio in 0.01 %, tiered %, flat %)
        let cases: [(i64, Exact, Exact); 16] = [
            (10009, int(0), int(0)),                 // excess 0.09 % floored to 0
            (10010, frac(5, 100), frac(5, 100)),     // first step
            (10999, frac(495, 100), frac(495, 100)), // 109.99 → 9.9 %
            (11000, frac(5, 1), frac(20, 1)),        // 110.0 opens 110–120
            (11010, frac(52, 10), frac(202, 10)),
            (11999, frac(248, 10), frac(25, 1)), // 119.99 → 19.9 %, flat capped
            (12000, frac(25, 1), frac(20, 1)),   // 120.0 opens 120+
            (12010, frac(25, 1), frac(201, 10)),
            (14500, frac(25, 1), frac(25, 1)),
            (9999, frac(-2, 10), frac(-2, 10)), // 0.01 % shortfall ceiled
            (9501, frac(-10, 1), frac(-10, 1)), // 4.99 → 5.0 %, still 95 band
            (9500, frac(-10, 1), frac(-10, 1)), // 95.0 opens 95–100
            (9499, frac(-1005, 100), frac(-255, 100)), // 5.01 → 5.1 %
            (8000, frac(-175, 10), frac(-10, 1)), // 80.0 opens 80–95
            (7999, frac(-176, 10), frac(-201, 10)), // 20.01 → 20.1 %
            (7250, frac(-25, 1), frac(-25, 1)), // tiered hits the cap at 72.5
        ];
        for (ratio, tiered, flat) in cases {
            assert_eq!(adjustment_percent(&pct(ratio), BandMode::Tiered).unwrap(), tiered, "tiered {ratio}");
            assert_eq!(adjustment_percent(&pct(ratio), BandMode::Flat).unwrap(), flat, "flat {ratio}");
        }
        assert_eq!(adjustment_percent(&pct(7260), BandMode::Tiered).unwrap(), frac(-249, 10));
    }

    #[test]
    fn the_rule_as_data() {
        assert_eq!(band_edges_permille(), vec![800, 950, 1000, 1100, 1200]);
        assert_eq!(frac(band_edges_permille()[0], 1000), INSTRUCTION_BELOW);
        assert_eq!(frac(band_edges_permille()[1], 1000), STEEP_DECREASE_BELOW);
        assert_eq!(band_index(&frac(7999, 10000)), 0);
        assert_eq!(band_index(&frac(80, 100)), 1);
        assert_eq!(band_index(&frac(1, 1)), 3);
        assert_eq!(band_index(&frac(121, 100)), 5);
        let up = increase_bands();
        assert_eq!(up[1].from_percent, Decimal::new(1100, 1));
        assert_eq!(up[1].slope_percent_per_step, Decimal::new(20, 2));
        assert_eq!(up[2].to_percent, None);
        let down = decrease_bands();
        assert_eq!(
            (down[2].from_percent, down[2].slope_percent_per_step),
            (Decimal::new(800, 1), Decimal::new(10, 2))
        );
        assert_eq!(cap_percent(), Decimal::new(25, 0));
    }

    #[test]
    fn stepped_percent_is_what_the_rule_reads() {
        assert_eq!(stepped_percent(&pct(9997)).unwrap(), frac(999, 10));
        assert_eq!(stepped_percent(&pct(10437)).unwrap(), frac(1043, 10));
        assert_eq!(stepped_percent(&pct(10000)).unwrap(), int(100));
        assert_eq!(stepped_percent(&pct(10009)).unwrap(), int(100));
    }

    #[test]
    fn sampled_curve_matches_the_point_function() {
        let curve = adjustment_curve(BandMode::Tiered, 600, 1400).unwrap();
        assert_eq!(curve.len(), 801);
        assert_eq!(curve[0], (600, frac(-25, 1)));
        assert_eq!(curve[400], (1000, int(0)));
        assert_eq!(curve[500], (1100, frac(5, 1)));
    }

    proptest! {
        #[test]
        fn tiered_is_monotonic_and_capped(a in 0i64..400_000, b in 0i64..400_000, den in 1i64..1000) {
            let (lo, hi) = (a.min(b), a.max(b));
            let f_lo = achievement_fraction(&frac(lo, 100_000 + den), BandMode::Tiered).unwrap();
            let f_hi = achievement_fraction(&frac(hi, 100_000 + den), BandMode::Tiered).unwrap();
            prop_assert!(f_lo <= f_hi);
            for f in [f_lo, f_hi] {
                prop_assert!(f <= frac(1, 4) && f >= frac(-1, 4));
            }
        }

        #[test]
        fn flat_is_capped_and_agrees_in_sign(n in 0i64..400_000) {
            let ratio = frac(n, 100_000);
            let flat = achievement_fraction(&ratio, BandMode::Flat).unwrap();
            let tiered = achievement_fraction(&ratio, BandMode::Tiered).unwrap();
            prop_assert!(flat <= frac(1, 4) && flat >= frac(-1, 4));
            prop_assert_eq!(flat.is_negative(), tiered.is_negative());
            prop_assert_eq!(flat.is_zero(), tiered.is_zero());
        }
    }
}
