//! How settlement figures are shown, once, for the app and the command line:
//! where a ratio lies against the rule's edges (from the rule data, not
//! re-typed), percent or a dash.

use crate::core::calendar::{format_month, DateStyle};
use crate::core::i18n::{period_label, text, Lang};
use crate::core::money::{format_percent, from_decimal};
use crate::profiles::pension::rules::achievement::band_index;
use crate::profiles::pension::rules::settlement::{AdjustmentBase, KindSettlement, RulesInForce, Settlement};
use rust_decimal::Decimal;

/// The most rows a projector slide's table has: 12 rows keep figures at 24 px
/// or more on a 1024×768 projector; a longer list goes on more slides.
pub const SLIDE_ROWS: usize = 12;

/// Where an achievement ratio lies against the rule's edges (digest A5, A9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatioBand {
    /// Below 80 %: the instruction trigger if every kind is here.
    BelowInstruction,
    /// 80 % to below 95 %: a steep decrease.
    Steep,
    /// 95 % to below 100 %.
    Short,
    /// 100 % and above.
    Met,
}

impl RatioBand {
    /// The band of a kind's exact ratio; `None` without a ratio.
    pub fn of(kind: &KindSettlement) -> Option<RatioBand> {
        kind.exact_ratio.as_ref().map(|r| match band_index(r) {
            0 => RatioBand::BelowInstruction,
            1 => RatioBand::Steep,
            2 => RatioBand::Short,
            _ => RatioBand::Met,
        })
    }

    /// A shape that tells the band without colour: ▼▼ below 80 %, ▼ below 100 %, ▲.
    pub fn mark(self) -> &'static str {
        match self {
            RatioBand::BelowInstruction => "▼▼",
            RatioBand::Steep | RatioBand::Short => "▼",
            RatioBand::Met => "▲",
        }
    }

    /// The style name of the band (`low`, `warn`, `near`, `good`).
    pub fn style(self) -> &'static str {
        match self {
            RatioBand::BelowInstruction => "low",
            RatioBand::Steep => "warn",
            RatioBand::Short => "near",
            RatioBand::Met => "good",
        }
    }

    /// Below 95 %: shown as a low tile on a slide.
    pub fn is_low(self) -> bool {
        matches!(self, RatioBand::BelowInstruction | RatioBand::Steep)
    }
}

/// A fraction as a percent (`0.187` → `18.7%`), or a dash.
pub fn percent_or_dash(fraction: Option<Decimal>) -> String {
    fraction.map_or("—".to_string(), |d| format_percent(&from_decimal(d)))
}

/// The ratio as the rule reads it (`99.9%`), or a dash.
pub fn stepped_or_dash(kind: &KindSettlement) -> String {
    kind.ratio_stepped_percent.map_or("—".to_string(), |p| format!("{p}%"))
}

/// "▲ 104.3%" / "▼ 92.1%": the ratio with a shape, never colour alone.
pub fn ratio_with_mark(kind: &KindSettlement) -> String {
    match RatioBand::of(kind) {
        Some(band) => format!("{} {}", band.mark(), stepped_or_dash(kind)),
        None => "—".to_string(),
    }
}

/// Which settlement this is: `第3期 · 基準月 令和11年4月 (暫定)`.
pub fn period_and_as_of(s: &Settlement, lang: Lang, style: DateStyle) -> String {
    let provisional =
        if s.provisional { format!(" ({})", text("table.provisional", lang)) } else { String::new() };
    format!(
        "{} · {} {}{provisional}",
        period_label(s.period, lang),
        text("overview.as_of", lang),
        format_month(s.as_of, style)
    )
}

/// The rules in force, beside every settlement shown or printed:
/// `帯の読み方: 段階（累進） · 端数処理: 切り捨て`.
pub fn rules_in_force(rules: &RulesInForce, lang: Lang) -> String {
    let heading = format!(
        "{}: {} · {}: {}",
        text("overview.band_mode", lang),
        text(&format!("band.{}", rules.band_mode.code()), lang),
        text("overview.rounding", lang),
        text(&format!("rounding.{}", rules.rounding.code()), lang)
    );
    match rules.adjustment_base {
        AdjustmentBase::Exact => heading,
        AdjustmentBase::RoundedYen => format!(
            "{heading} · {}: {}",
            text("overview.adjustment_base", lang),
            text("adjustment_base.rounded_yen", lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::money::frac;
    use crate::profiles::pension::dataset::Kind;

    fn kind(ratio: Option<(i64, i64)>, stepped: Option<i64>) -> KindSettlement {
        KindSettlement {
            kind: Kind::Current,
            due_months: 0,
            excluded_paid_months: 0,
            forced_months: 0,
            promoted_months: 0,
            rate: None,
            target: None,
            ratio: None,
            ratio_stepped_percent: stepped.map(|p| Decimal::new(p, 1)),
            adjustment_percent: Decimal::ZERO,
            base_yen: 0,
            achievement_adjustment_yen: 0,
            flags: Vec::new(),
            exact_ratio: ratio.map(|(n, d)| frac(n, d)),
        }
    }

    #[test]
    fn bands_at_the_rules_edges() {
        let band = |n, d| RatioBand::of(&kind(Some((n, d)), None)).unwrap();
        assert_eq!(band(7999, 10000), RatioBand::BelowInstruction);
        assert_eq!(band(80, 100), RatioBand::Steep);
        assert_eq!(band(9499, 10000), RatioBand::Steep);
        assert_eq!(band(95, 100), RatioBand::Short);
        assert_eq!(band(99999, 100000), RatioBand::Short);
        assert_eq!(band(1, 1), RatioBand::Met);
        assert_eq!(RatioBand::of(&kind(None, None)), None);
    }

    #[test]
    fn marks_and_dashes() {
        assert_eq!(ratio_with_mark(&kind(Some((99965, 100000)), Some(999))), "▼ 99.9%");
        assert_eq!(ratio_with_mark(&kind(Some((1043, 1000)), Some(1043))), "▲ 104.3%");
        assert_eq!(ratio_with_mark(&kind(None, None)), "—");
        assert_eq!(percent_or_dash(None), "—");
        assert_eq!(percent_or_dash(Some(Decimal::new(187, 3))), "18.7%");
    }

    #[test]
    fn the_rules_heading() {
        use crate::core::money::Rounding;
        use crate::profiles::pension::rules::{BandMode, RuleOptions};
        let mut options =
            RuleOptions { band_mode: BandMode::Flat, rounding: Rounding::HalfUp, ..RuleOptions::default() };
        let rules = RulesInForce::new(&options);
        assert_eq!(rules_in_force(&rules, Lang::Ja), "帯の読み方: 一律 · 端数処理: 四捨五入");
        assert_eq!(rules_in_force(&rules, Lang::En), "Band reading: Flat · Rounding: Round half up");
        // The reading not in force is said; the one in force is not repeated on every slide.
        options.adjustment_base = AdjustmentBase::RoundedYen;
        assert_eq!(
            rules_in_force(&RulesInForce::new(&options), Lang::Ja),
            "帯の読み方: 一律 · 端数処理: 四捨五入 · 増減の基準: 円に丸めた基本額"
        );
    }

    #[test]
    fn which_settlement() {
        use crate::core::calendar::YearMonth;
        use crate::profiles::pension::rules::RuleOptions;
        let month = |s: &str| s.parse::<YearMonth>().unwrap();
        let s = Settlement {
            period: 1,
            period_first: month("2026-05"),
            period_last: month("2027-04"),
            as_of: month("2026-09"),
            provisional: true,
            rules: RulesInForce::new(&RuleOptions::default()),
            instruction_trigger: false,
            offices: Vec::new(),
            districts: Vec::new(),
        };
        assert_eq!(period_and_as_of(&s, Lang::Ja, DateStyle::Wareki), "第1期 · 基準月 令和8年9月 (暫定)");
        assert_eq!(
            period_and_as_of(&s, Lang::En, DateStyle::Seireki),
            "Period 1 · As of 2026-09 (provisional)"
        );
    }
}
