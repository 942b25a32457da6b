//! What a settlement flags for the manager's attention (digest A9): typed, with
//! the premium kind inside, and its text in one place for the app and the CLI.

use crate::core::i18n::{text, Lang};
use crate::profiles::pension::dataset::Kind;
use serde::{Deserialize, Serialize};

/// A flag on one premium kind of an office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindFlag {
    /// The rate's denominator (T − excluded − F) is 0 or less: no rate.
    NoDenominator,
    /// No 目標督励納付率 for the period, or 0.
    MissingTarget,
    /// 達成割合 below 95 % (digest A9: 大幅な減額).
    SteepDecrease,
}

/// A flag on an office or a district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum Flag {
    /// Every kind of this office with a ratio is below 80 %: an office-level
    /// warning. The 指示 trigger itself is over every target of the contractor
    /// (seed 000 Ⅺ1(1)): [`super::settlement::Settlement::instruction_trigger`].
    AllKindsBelow80,
    /// A method's done count is below plan in the as-of month (monthly inspection).
    PlanShortfall,
    /// No account-transfer row for the office and period: its adjustment is
    /// taken as ±0, which the contract does not say (#13 fix b).
    MissingAccountTransfer,
    /// [`KindFlag::NoDenominator`] on `kind`.
    NoDenominator { kind: Kind },
    /// [`KindFlag::MissingTarget`] on `kind`.
    MissingTarget { kind: Kind },
    /// [`KindFlag::SteepDecrease`] on `kind`.
    SteepDecrease { kind: Kind },
    /// District: every ratio of every office is below 80 %.
    AllBelow80,
    /// District: no due months for a kind, so that third of the fee is not allocated.
    NoDueMonths { kind: Kind },
    /// District: a kind's fee is shared over the offices loaded, for want of
    /// the district's own due months (#13 fix d): with offices missing, each
    /// loaded office's base is too large.
    ShareOverOfficesLoaded { kind: Kind },
    /// District: the rounded office bases add up to more than the period fee
    /// (half-up or up rounding of many small shares; #13 fix e).
    BasesExceedFee,
}

impl KindFlag {
    /// Code, as in CSV and the i18n key (`steep_decrease`).
    pub fn code(self) -> &'static str {
        match self {
            KindFlag::NoDenominator => "no_denominator",
            KindFlag::MissingTarget => "missing_target",
            KindFlag::SteepDecrease => "steep_decrease",
        }
    }
}

impl Flag {
    /// An office's flag for a flag on one of its kinds.
    pub fn on_kind(kind: Kind, flag: KindFlag) -> Flag {
        match flag {
            KindFlag::NoDenominator => Flag::NoDenominator { kind },
            KindFlag::MissingTarget => Flag::MissingTarget { kind },
            KindFlag::SteepDecrease => Flag::SteepDecrease { kind },
        }
    }

    /// The flag's name without its kind (`steep_decrease`): the i18n key and the
    /// style class.
    pub fn name(self) -> &'static str {
        match self {
            Flag::AllKindsBelow80 => "all_kinds_below_80",
            Flag::PlanShortfall => "plan_shortfall",
            Flag::MissingAccountTransfer => "missing_account_transfer",
            Flag::NoDenominator { .. } => KindFlag::NoDenominator.code(),
            Flag::MissingTarget { .. } => KindFlag::MissingTarget.code(),
            Flag::SteepDecrease { .. } => KindFlag::SteepDecrease.code(),
            Flag::AllBelow80 => "all_below_80",
            Flag::NoDueMonths { .. } => "no_due_months",
            Flag::BasesExceedFee => "bases_exceed_fee",
            Flag::ShareOverOfficesLoaded { .. } => "share_over_offices_loaded",
        }
    }

    /// The premium kind the flag is about, if any.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Flag::NoDenominator { kind }
            | Flag::MissingTarget { kind }
            | Flag::SteepDecrease { kind }
            | Flag::NoDueMonths { kind }
            | Flag::ShareOverOfficesLoaded { kind } => Some(kind),
            Flag::AllKindsBelow80
            | Flag::PlanShortfall
            | Flag::MissingAccountTransfer
            | Flag::AllBelow80
            | Flag::BasesExceedFee => None,
        }
    }

    /// A stable code for files (`steep_decrease:current`).
    pub fn code(self) -> String {
        match self.kind() {
            Some(kind) => format!("{}:{}", self.name(), kind.code()),
            None => self.name().to_string(),
        }
    }

    /// The flag for people: `95%未満 (現年度)`.
    pub fn label(self, lang: Lang) -> String {
        let name = text(&format!("flag.{}", self.name()), lang);
        match self.kind() {
            Some(kind) => format!("{name} ({})", text(&format!("kind.{}", kind.code()), lang)),
            None => name,
        }
    }
}

/// Flags for people, joined by `separator`.
pub fn labels(flags: &[Flag], lang: Lang, separator: &str) -> String {
    flags.iter().map(|f| f.label(lang)).collect::<Vec<_>>().join(separator)
}

/// Flags as codes, space-separated (CSV).
pub fn codes(flags: &[Flag]) -> String {
    flags.iter().map(|f| f.code()).collect::<Vec<_>>().join(" ")
}

/// A kind's flags as codes, space-separated (CSV).
pub fn kind_codes(flags: &[KindFlag]) -> String {
    flags.iter().map(|f| f.code()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels() {
        let steep = Flag::on_kind(Kind::Past1, KindFlag::SteepDecrease);
        assert_eq!(steep, Flag::SteepDecrease { kind: Kind::Past1 });
        assert_eq!(steep.code(), "steep_decrease:past1");
        assert_eq!(steep.label(Lang::Ja), "95%未満 (過年度1年目)");
        assert_eq!(Flag::NoDueMonths { kind: Kind::Current }.label(Lang::En), "No due months (Current year)");
        assert_eq!(codes(&[Flag::AllKindsBelow80, steep]), "all_kinds_below_80 steep_decrease:past1");
        let json = serde_json::to_string(&steep).unwrap();
        assert_eq!(json, r#"{"flag":"steep_decrease","kind":"past1"}"#);
    }
}
