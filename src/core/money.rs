//! Exact money. Every yen figure is computed as an exact fraction ([`Exact`]) and
//! rounded once, at the end, to whole yen by a [`Rounding`] rule the user sees and
//! can change (digest A8). Floating point never touches money or rates.

use num_rational::Ratio;
use num_traits::{CheckedAdd, CheckedMul, CheckedSub, Signed, Zero};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An exact rational number (numerator and denominator in `i128`, kept reduced).
pub type Exact = Ratio<i128>;

/// Whole yen after rounding.
pub type Yen = i64;

/// Arithmetic left the range the engine can hold exactly. Inputs are bounded at
/// import ([`MAX_COUNT`], [`MAX_YEN`]) so that this cannot happen on accepted data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl fmt::Display for Overflow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("amount out of the exactly representable range")
    }
}

impl std::error::Error for Overflow {}

/// Largest count (months, persons, points) the import accepts.
pub const MAX_COUNT: i64 = 1_000_000_000_000;
/// Largest yen amount the import accepts (¥1,000 trillion).
pub const MAX_YEN: i64 = 1_000_000_000_000_000;

pub fn add(a: &Exact, b: &Exact) -> Result<Exact, Overflow> {
    a.checked_add(b).ok_or(Overflow)
}

pub fn sub(a: &Exact, b: &Exact) -> Result<Exact, Overflow> {
    a.checked_sub(b).ok_or(Overflow)
}

pub fn mul(a: &Exact, b: &Exact) -> Result<Exact, Overflow> {
    a.checked_mul(b).ok_or(Overflow)
}

/// `a ÷ b`, or `None` when `b` is zero.
pub fn div(a: &Exact, b: &Exact) -> Result<Option<Exact>, Overflow> {
    if b.is_zero() {
        return Ok(None);
    }
    mul(a, &b.recip()).map(Some)
}

pub fn int(n: i64) -> Exact {
    Exact::from_integer(n as i128)
}

/// `n / d` as an exact fraction (d ≠ 0).
pub fn frac(n: i64, d: i64) -> Exact {
    Exact::new(n as i128, d as i128)
}

/// A decimal as the exact fraction it denotes ("23.4" → 234/10).
pub fn from_decimal(d: Decimal) -> Exact {
    Exact::new(d.mantissa(), 10i128.pow(d.scale()))
}

/// The fraction rounded half-to-even to `places` decimals, for display and export
/// only (the computation keeps the exact fraction).
pub fn to_decimal(x: &Exact, places: u32) -> Decimal {
    let saturated = if x.is_negative() { Decimal::MIN } else { Decimal::MAX };
    let Some(scaled) = x.checked_mul(&Exact::from_integer(10i128.pow(places))) else {
        return saturated;
    };
    Decimal::try_from_i128_with_scale(*scaled.round().numer(), places).unwrap_or(saturated)
}

/// How a yen amount is rounded to whole yen (digest A8: not stated in the seed;
/// default truncation, 1円未満切り捨て).
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
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Rounding {
    /// 切り捨て: toward zero.
    #[default]
    Truncate,
    /// 四捨五入: to the nearest yen, halves away from zero.
    HalfUp,
    /// 切り上げ: away from zero.
    Up,
}

impl Rounding {
    pub const ALL: &'static [Rounding] = <Rounding as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Rounding> {
        code.parse().ok()
    }

    /// Rounds an exact amount to whole yen by this rule.
    pub fn to_yen(self, x: &Exact) -> Result<Yen, Overflow> {
        let whole = match self {
            Rounding::Truncate => x.trunc(),
            Rounding::HalfUp => x.round(),
            Rounding::Up => {
                if x.is_integer() {
                    *x
                } else if x.is_negative() {
                    x.floor()
                } else {
                    x.ceil()
                }
            }
        };
        Yen::try_from(whole.to_integer()).map_err(|_| Overflow)
    }

    /// Rounds `numerator / denominator` (denominator > 0) to whole yen by this
    /// rule, in integers: what [`Rounding::to_yen`] gives for the same
    /// fraction, without reducing it (the bidder's tables are built from it).
    pub fn quotient_to_yen(self, numerator: i128, denominator: i128) -> Result<Yen, Overflow> {
        if denominator <= 0 {
            return Err(Overflow);
        }
        let (q, r) = (numerator / denominator, (numerator % denominator).unsigned_abs());
        let away = match self {
            Rounding::Truncate => false,
            Rounding::HalfUp => r >= denominator.unsigned_abs() - r,
            Rounding::Up => r != 0,
        };
        let whole = if away { q + numerator.signum() } else { q };
        Yen::try_from(whole).map_err(|_| Overflow)
    }

    /// [`Rounding::quotient_to_yen`] in `i64` (a hardware division, in Wasm
    /// too): for the bidder's runs, where both fit.
    pub fn small_quotient_to_yen(self, numerator: i64, denominator: i64) -> Yen {
        let (q, r) = (numerator / denominator, (numerator % denominator).unsigned_abs());
        let away = match self {
            Rounding::Truncate => false,
            Rounding::HalfUp => r >= denominator.unsigned_abs() - r,
            Rounding::Up => r != 0,
        };
        if away {
            q + numerator.signum()
        } else {
            q
        }
    }
}

/// `¥1,234,567` / `-¥1,234`: yen with thousands separators.
pub fn format_yen(yen: Yen) -> String {
    let sign = if yen < 0 { "-" } else { "" };
    format!("{sign}¥{}", group_thousands(yen.unsigned_abs()))
}

/// `1,234` / `-12`: a count with separators (chart axes).
pub fn format_count(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(n.unsigned_abs()))
}

/// `+1,234` / `−12` / `±0`: a difference of counts, its sign always shown (the
/// minus is U+2212, as typeset).
pub fn signed_count(n: i64) -> String {
    let sign = match n.signum() {
        1 => "+",
        -1 => "−",
        _ => "±",
    };
    format!("{sign}{}", group_thousands(n.unsigned_abs()))
}

/// `1,234,567`: an unsigned integer with thousands separators.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `12.3 %`: a fraction shown as a percentage with one decimal (rounded half to even).
pub fn format_percent(x: &Exact) -> String {
    let percent = mul(x, &int(100)).map_or(Decimal::MAX, |p| to_decimal(&p, 1));
    format!("{percent:.1}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The integer quotient rounds as the exact fraction does, every rule.
        #[test]
        fn quotient_rounds_like_the_fraction(n in -10_000_000i128..10_000_000, d in 1i128..5_000) {
            for r in Rounding::ALL {
                proptest::prop_assert_eq!(r.quotient_to_yen(n, d), r.to_yen(&Exact::new(n, d)), "{:?}", r);
                proptest::prop_assert_eq!(Ok(r.small_quotient_to_yen(n as i64, d as i64)), r.to_yen(&Exact::new(n, d)));
            }
        }
    }

    #[test]
    fn counts_with_separators() {
        assert_eq!(format_count(1_400), "1,400");
        assert_eq!(format_count(-12_345), "-12,345");
        assert_eq!(format_count(0), "0");
    }

    #[test]
    fn a_third_of_three_hundred_million_is_exact() {
        let third = mul(&int(300_000_000), &frac(1, 3)).unwrap();
        for &r in Rounding::ALL {
            assert_eq!(r.to_yen(&third).unwrap(), 100_000_000);
        }
    }

    #[test]
    fn rounding_rules_on_both_signs() {
        let cases = [
            (frac(5, 2), [2, 3, 3]),
            (frac(-5, 2), [-2, -3, -3]),
            (frac(7, 3), [2, 2, 3]),
            (frac(-7, 3), [-2, -2, -3]),
            (frac(8, 3), [2, 3, 3]),
            (int(4), [4, 4, 4]),
            (int(0), [0, 0, 0]),
        ];
        for (x, want) in cases {
            for (&r, w) in Rounding::ALL.iter().zip(want) {
                assert_eq!(r.to_yen(&x).unwrap(), w, "{x} by {r:?}");
            }
        }
    }

    #[test]
    fn differences_show_their_sign() {
        assert_eq!(signed_count(1234), "+1,234");
        assert_eq!(signed_count(-12), "−12");
        assert_eq!(signed_count(0), "±0");
        assert_eq!(signed_count(i64::MIN), "−9,223,372,036,854,775,808");
    }

    #[test]
    fn yen_has_separators() {
        assert_eq!(format_yen(0), "¥0");
        assert_eq!(format_yen(999), "¥999");
        assert_eq!(format_yen(1000), "¥1,000");
        assert_eq!(format_yen(-1_234_567), "-¥1,234,567");
        assert_eq!(format_yen(i64::MIN), "-¥9,223,372,036,854,775,808");
    }

    #[test]
    fn decimals_convert_exactly() {
        let d: Decimal = "23.4".parse().unwrap();
        assert_eq!(from_decimal(d), frac(234, 10));
        assert_eq!(to_decimal(&frac(1, 3), 4).to_string(), "0.3333");
        assert_eq!(format_percent(&frac(1043, 10000)), "10.4%");
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let big = Exact::from_integer(i128::MAX / 2);
        assert_eq!(mul(&big, &int(4)), Err(Overflow));
        assert_eq!(Rounding::Truncate.to_yen(&big), Err(Overflow));
        assert_eq!(div(&int(1), &int(0)), Ok(None));
    }
}
