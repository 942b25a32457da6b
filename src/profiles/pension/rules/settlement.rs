//! The settlement of one period (digest A4–A9): what it is made of (office
//! bases, achievement adjustments, account-transfer and incident adjustments,
//! totals, flags), why it can fail, the rules in force, and [`settle`]: a
//! [`prepare`]d model [`evaluate`]d with no overrides.

use super::achievement::{
    cap_percent, decrease_bands, increase_bands, BandMode, BandRule, INSTRUCTION_BELOW, STEEP_DECREASE_BELOW,
};
use super::evaluate::{evaluate, Overrides};
use super::flags::{Flag, KindFlag};
use super::model::prepare;
pub use super::settle_error::SettleError;
use crate::core::calendar::{Period, YearMonth};
use crate::core::money::{int, to_decimal, Exact, Rounding, Yen};
use crate::profiles::pension::dataset::{Incident, Kind, PensionDataset};
use crate::profiles::Contract;
use num_rational::Ratio;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// 口座振替: +5 % of the office's summed base when acquired > target (digest A6).
pub const ACCOUNT_TRANSFER_INCREASE: Exact = Ratio::new_raw(5, 100);
/// 口座振替: −3.5 % when acquired < target (digest A6).
pub const ACCOUNT_TRANSFER_DECREASE: Exact = Ratio::new_raw(35, 1000);
/// 事故等: the deduction rate is capped at 5 % (digest A7).
pub const INCIDENT_CAP: Exact = Ratio::new_raw(5, 100);

/// Decimal places of rates and ratios in the output (display only).
pub const RATE_PLACES: u32 = 10;

/// What the user chose for a settlement run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SettleOptions {
    /// Period 1–3; `None` = the latest period the progress data reaches.
    pub period: Option<u8>,
    /// Snapshot month; `None` = the period's last month, or the latest month with
    /// data in the period (then the result is marked provisional).
    pub as_of: Option<YearMonth>,
    pub band_mode: BandMode,
    pub rounding: Rounding,
    pub adjustment_base: AdjustmentBase,
}

impl SettleOptions {
    /// The reading and rounding, without the period and as-of month.
    pub fn rules(&self) -> RuleOptions {
        RuleOptions {
            band_mode: self.band_mode,
            rounding: self.rounding,
            adjustment_base: self.adjustment_base,
        }
    }
}

/// What the percentages of the adjustments are taken of (#13 fix a). The seed
/// says 「事務所別基本額の…%」 without saying whether the base is the exact share
/// or the yen figure shown; they differ by less than a yen, which can move a
/// rounded adjustment by a yen.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum AdjustmentBase {
    /// The exact base (the fee's share as a fraction), rounded once at the end:
    /// the reading in force.
    #[default]
    Exact,
    /// The base as rounded to yen, so every adjustment can be recomputed from
    /// the yen figures shown.
    RoundedYen,
}

impl AdjustmentBase {
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// How a prepared model is read: the band reading and the rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RuleOptions {
    pub band_mode: BandMode,
    pub rounding: Rounding,
    pub adjustment_base: AdjustmentBase,
}

/// A ratio above this many percent is refused as implausible (#13 fix h).
pub const IMPLAUSIBLE_RATIO_ABOVE_PERCENT: i64 = 300;

/// The rules in force, written into every output so a figure is never read
/// without them: codes and parameters a program can read, and the same in words
/// for people (`notes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesInForce {
    pub contract: Contract,
    /// The seed clause the settlement implements.
    pub seed: String,
    pub band_mode: BandMode,
    pub rounding: Rounding,
    pub adjustment_base: AdjustmentBase,
    /// Ratios are read in steps of this many percent: the excess floored, the
    /// shortfall ceiled.
    pub step_percent: Decimal,
    pub increase_bands: Vec<BandRule>,
    pub decrease_bands: Vec<BandRule>,
    /// Each direction's cap, in percent of the base.
    pub cap_percent: Decimal,
    pub account_transfer_increase_percent: Decimal,
    pub account_transfer_decrease_percent: Decimal,
    pub incident_cap_percent: Decimal,
    /// Every kind with a ratio below this: [`Flag::AllKindsBelow80`], and over
    /// every office, the 指示 trigger (Ⅺ1(1)).
    pub instruction_below_percent: Decimal,
    /// A kind's ratio below this: [`Flag::SteepDecrease`].
    pub steep_decrease_below_percent: Decimal,
    pub notes: RuleNotes,
}

/// The rules in force in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleNotes {
    pub rounded_once: String,
    pub adjustment_base: String,
    pub steps: String,
    pub band_edges: String,
    pub account_transfer: String,
    pub incidents: String,
    pub flags: String,
}

fn percent(x: Exact) -> Decimal {
    to_decimal(&(x * int(100)), 4).normalize()
}

impl RulesInForce {
    pub fn new(options: &RuleOptions) -> RulesInForce {
        let RuleOptions { band_mode, rounding, adjustment_base } = *options;
        let base = match adjustment_base {
            AdjustmentBase::Exact => "exact base",
            AdjustmentBase::RoundedYen => "base as rounded to yen",
        };
        RulesInForce {
            contract: Contract::NationalPension,
            seed: "000 Ⅱ3".into(),
            band_mode,
            rounding,
            adjustment_base,
            step_percent: Decimal::new(1, 1),
            increase_bands: increase_bands(),
            decrease_bands: decrease_bands(),
            cap_percent: cap_percent(),
            account_transfer_increase_percent: percent(ACCOUNT_TRANSFER_INCREASE),
            account_transfer_decrease_percent: percent(ACCOUNT_TRANSFER_DECREASE),
            incident_cap_percent: percent(INCIDENT_CAP),
            instruction_below_percent: percent(INSTRUCTION_BELOW),
            steep_decrease_below_percent: percent(STEEP_DECREASE_BELOW),
            notes: RuleNotes {
                rounded_once: "each base per kind, each achievement adjustment per kind, the account-transfer adjustment and the incident deduction; office total = sum of these rounded figures".into(),
                adjustment_base: format!("every adjustment is a percentage of the office's {base} (per kind for the achievement adjustment, summed over the kinds for the account transfer and incidents)"),
                steps: "excess floored to 0.1 % steps (切り下げ), shortfall ceiled to 0.1 % steps (切り上げ)".into(),
                band_edges: "110.0 % and 120.0 % take the band they open; 95.0 % and 80.0 % take the band from that ratio upward".into(),
                account_transfer: "+5 % of the office's summed base when acquired > target, −3.5 % when acquired < target, 0 when equal or no row".into(),
                incidents: "points of incidents dated in the period up to the as-of month pick the scale row with the largest min_points not above them (0 points: no deduction); rate capped at 5 % of the office's summed base".into(),
                flags: "all_kinds_below_80: every kind of the office with a ratio below 80 %; the settlement's instruction_trigger: every target of every office loaded below 80 % (seed 000 Ⅺ1(1), 指示); steep_decrease: ratio below 95 %; missing_target; no_denominator; plan_shortfall: a method's done count below plan in the as-of month (monthly inspection, A9); district all_below_80: every ratio of every office below 80 %; district no_due_months".into(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindSettlement {
    pub kind: Kind,
    pub due_months: i64,
    pub excluded_paid_months: i64,
    pub forced_months: i64,
    pub promoted_months: i64,
    /// 督励納付率 as a fraction, `None` when the denominator is 0 or less.
    pub rate: Option<Decimal>,
    /// 目標督励納付率 as a fraction, `None` when missing or 0.
    pub target: Option<Decimal>,
    /// 達成割合 = rate ÷ target, `None` without both.
    pub ratio: Option<Decimal>,
    /// The ratio as the rule reads it, in percent with one decimal (excess floored,
    /// shortfall ceiled to 0.1 %): the figure shown beside the adjustment.
    pub ratio_stepped_percent: Option<Decimal>,
    /// The adjustment as a percentage of the base (e.g. "-12.5").
    pub adjustment_percent: Decimal,
    pub base_yen: Yen,
    pub achievement_adjustment_yen: Yen,
    pub flags: Vec<KindFlag>,
    /// The exact ratio behind `ratio`, for comparisons at band edges.
    #[serde(skip)]
    pub exact_ratio: Option<Exact>,
}

impl KindSettlement {
    /// Whether the exact ratio is below `percent` %.
    pub fn ratio_below(&self, limit: Exact) -> bool {
        self.exact_ratio.as_ref().is_some_and(|r| *r < limit)
    }
}

/// Whether every kind that has a ratio is below `limit` (and at least one has
/// one): below 80 %, the instruction trigger of digest A9.
pub fn all_below<'a>(kinds: impl IntoIterator<Item = &'a KindSettlement>, limit: Exact) -> bool {
    let mut any = false;
    for k in kinds {
        if k.exact_ratio.is_some() {
            any = true;
            if !k.ratio_below(limit) {
                return false;
            }
        }
    }
    any
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountTransferResult {
    pub target_count: i64,
    pub acquired_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeSettlement {
    pub office_code: String,
    pub office_name: String,
    pub prefecture: String,
    pub district: String,
    pub kinds: Vec<KindSettlement>,
    pub base_yen: Yen,
    pub achievement_adjustment_yen: Yen,
    pub account_transfer: Option<AccountTransferResult>,
    pub account_transfer_adjustment_yen: Yen,
    pub incident_points: i64,
    /// Deduction rate as a percentage (e.g. "1.5").
    pub incident_deduction_percent: Decimal,
    /// Zero or negative.
    pub incident_deduction_yen: Yen,
    pub total_yen: Yen,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictSettlement {
    pub district: String,
    pub period_fee_yen: Yen,
    pub office_count: usize,
    pub base_yen: Yen,
    pub achievement_adjustment_yen: Yen,
    pub account_transfer_adjustment_yen: Yen,
    pub incident_deduction_yen: Yen,
    pub total_yen: Yen,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    pub period: u8,
    pub period_first: YearMonth,
    pub period_last: YearMonth,
    pub as_of: YearMonth,
    /// True when `as_of` is before the period's last month.
    pub provisional: bool,
    pub rules: RulesInForce,
    /// 指示 (seed 000 Ⅺ1(1)): 「実施要項に設定したすべての達成目標の達成割合が80％を
    /// 下回った」: every kind with a ratio, of every office loaded, below 80 %.
    /// Computed over the offices loaded: a partial dataset says only that these
    /// offices are all below.
    pub instruction_trigger: bool,
    pub offices: Vec<OfficeSettlement>,
    pub districts: Vec<DistrictSettlement>,
}

/// Settles one period of a profile-A dataset: [`prepare`] and [`evaluate`]
/// with no overrides.
pub fn settle(data: &PensionDataset, options: &SettleOptions) -> Result<Settlement, Vec<SettleError>> {
    let model = prepare(data, options.period, options.as_of)?;
    evaluate(&model, &options.rules(), &Overrides::none())
}

/// The incidents that count for an office's settlement: dated in the period, not
/// after the as-of month (digest A7).
pub fn incidents_in_period(
    data: &PensionDataset,
    office: &str,
    period: Period,
    as_of: YearMonth,
) -> Vec<Incident> {
    let until = as_of.last_day();
    data.incidents
        .iter()
        .filter(|i| i.office_code == office && period.contains_date(i.date) && i.date <= until)
        .cloned()
        .collect()
}
