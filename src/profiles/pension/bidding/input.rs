//! What a bidder assumes (#15), as the JSON file the 入札試算 page saves and
//! `shuno bid-sim` reads:
//!
//! ```json
//! {"data": "DIR", "period": 1, "periods": [1, 2, 3],
//!  "fees": [{"district": "…", "fee_yen": 300000000}],
//!  "targets": [{"kind": "current", "target_percent": "72.5"}],
//!  "performance": [{"office_code": "*", "kind": "*", "ratio_mean": 1.0, "ratio_sd": 0.05}],
//!  "district_correlation": 0.3,
//!  "account_transfer_above_target_probability": 0.5,
//!  "incident_points_mean": 0,
//!  "band_mode": "tiered", "rounding": "truncate", "runs": 10000, "seed": 1}
//! ```
//!
//! The offices, due months and targets come from `data` (a folder `shuno
//! settle` reads), from the data loaded in the page, or from `synthetic`.
//! Entries name offices as a what-if scenario's do (`office_code`, `"*"` by
//! default, narrowed by `prefecture` and `district`) and a kind (`"*"`: all);
//! a later entry overrides an earlier one for the offices both name.

use crate::core::money::{Rounding, Yen};
use crate::profiles::pension::rules::settlement::AdjustmentBase;
use crate::profiles::pension::rules::BandMode;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The runs when the file and the command give none.
pub const DEFAULT_RUNS: u32 = 10_000;
/// The most runs one job takes (the page's and the CLI's limit).
pub const MAX_RUNS: u32 = 1_000_000;

/// A bidder's assumptions: settings only, never records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BidInput {
    /// A folder `shuno settle` reads (the CLI's); the page leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// A district made up of equal offices, instead of data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synthetic: Option<Synthetic>,
    /// The period of the data whose offices, due months and targets are read
    /// (default: the latest the data reaches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<u8>,
    /// The contract periods simulated, each with its own fee (default: `period`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<u8>,
    /// The fee bid per district (and period; without one, every period).
    /// Absent: the data's fees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<FeeEntry>,
    /// Targets (目標督励納付率) assumed instead of the data's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetEntry>,
    /// The achievement ratio (達成割合) assumed per office × kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub performance: Vec<Performance>,
    /// The correlation of the ratios of one district's offices (one shared
    /// factor), 0 to 1.
    #[serde(default)]
    pub district_correlation: Decimal,
    /// The probability that an office's account transfers beat their target
    /// (+5 %; else −3.5 %, digest A6), 0 to 1.
    #[serde(default = "half")]
    pub account_transfer_above_target_probability: Decimal,
    /// Whether each office draws its transfer result, or each run one for all.
    #[serde(default)]
    pub account_transfer_draw: TransferDraw,
    /// Expected incident points per office and period (a Poisson count).
    #[serde(default)]
    pub incident_points_mean: Decimal,
    #[serde(default)]
    pub band_mode: BandMode,
    #[serde(default)]
    pub rounding: Rounding,
    #[serde(default)]
    pub adjustment_base: AdjustmentBase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runs: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

fn half() -> Decimal {
    Decimal::new(5, 1)
}

fn every() -> String {
    "*".into()
}

impl Default for BidInput {
    fn default() -> BidInput {
        serde_json::from_str("{}").expect("every key of BidInput has a default")
    }
}

/// Who draws the account-transfer result (the issue says "a run gets +5 %";
/// the clause is per office, digest A6): both readings, per office in force.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum TransferDraw {
    /// Each office draws on its own.
    #[default]
    Office,
    /// One draw per run and period for every office.
    Run,
}

impl TransferDraw {
    pub const ALL: &'static [TransferDraw] = <TransferDraw as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// A made-up district of `offices` equal offices: for a bid before any data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synthetic {
    /// How many offices (1 to 1,000).
    pub offices: u32,
    /// Over how many districts they are shared out (default 1).
    #[serde(default = "one")]
    pub districts: u32,
    /// 納付対象月数 of each office per kind (現年度, 過年度1年目, 過年度2年目).
    pub due_months: [i64; 3],
    /// 目標督励納付率 per kind, in percent.
    pub target_percent: [Decimal; 3],
    /// Each district's fee per period.
    pub fee_yen: Yen,
}

fn one() -> u32 {
    1
}

/// A district's fee bid for a period (or every period).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeEntry {
    pub district: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<u8>,
    pub fee_yen: Yen,
}

/// A target assumed for the offices and kinds named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetEntry {
    #[serde(default = "every")]
    pub office_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default = "every")]
    pub kind: String,
    pub target_percent: Decimal,
}

/// The ratio assumed for the offices and kinds named: normal around
/// `ratio_mean` (a fraction, 1.0 = 100 %) or around the ratio the data shows
/// (`like_last_period`), with standard deviation `ratio_sd`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Performance {
    #[serde(default = "every")]
    pub office_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(default = "every")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio_mean: Option<Decimal>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub like_last_period: bool,
    #[serde(default)]
    pub ratio_sd: Decimal,
}

impl Performance {
    /// Every office and kind around `mean` with `sd`.
    pub fn everywhere(mean: Decimal, sd: Decimal) -> Performance {
        Performance {
            office_code: every(),
            prefecture: None,
            district: None,
            kind: every(),
            ratio_mean: Some(mean),
            like_last_period: false,
            ratio_sd: sd,
        }
    }
}

crate::profiles::pension::rules::scenario::entry!(TargetEntry, Performance);

impl BidInput {
    /// The runs asked for, or the default.
    pub fn runs(&self) -> u32 {
        self.runs.unwrap_or(DEFAULT_RUNS)
    }

    /// The seed asked for, or 1.
    pub fn seed(&self) -> u64 {
        self.seed.unwrap_or(1)
    }
}
