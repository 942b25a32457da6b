//! The tables of profile A (national pension), as the settlement engine reads them
//! after import and validation. Every row keeps the place it came from.

use crate::core::calendar::YearMonth;
use crate::core::money::Yen;
pub use crate::core::origin::Origin;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// 保険料の種別 (digest A1): the premium kind a rate and a target are set for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Kind {
    /// 現年度
    Current,
    /// 過年度1年目
    Past1,
    /// 過年度2年目
    Past2,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Current, Kind::Past1, Kind::Past2];

    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The kind's place in [`Kind::ALL`] (and in per-kind arrays).
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn japanese(self) -> &'static str {
        match self {
            Kind::Current => "現年度",
            Kind::Past1 => "過年度1年目",
            Kind::Past2 => "過年度2年目",
        }
    }

    /// Reads the Japanese name or the English alias.
    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| text == k.japanese() || text.eq_ignore_ascii_case(k.code()))
    }
}

/// 年金事務所: one pension office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub code: String,
    pub name: String,
    pub prefecture: String,
    pub district: String,
    pub origin: Origin,
}

/// 各期別委託費: the fee actually paid for a period in a district (digest A4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodFee {
    pub district: String,
    pub period: u8,
    pub fee_yen: Yen,
    pub origin: Origin,
}

/// One period-to-date snapshot at the end of `month` (digest A2 terms).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub office_code: String,
    pub kind: Kind,
    pub month: YearMonth,
    /// 納付対象月数 (T)
    pub due_months: i64,
    /// 納期内納付月数 / 前年度末…納付月数: paid months that do not count.
    pub excluded_paid_months: i64,
    /// 強制徴収収納月数 (F)
    pub forced_months: i64,
    /// 事業者督励月数 (P)
    pub promoted_months: i64,
    pub origin: Origin,
}

impl Progress {
    /// T − excluded − F: the denominator of the promotion payment rate.
    pub fn denominator(&self) -> i64 {
        self.due_months - self.excluded_paid_months - self.forced_months
    }
}

/// 目標督励納付率 per office × period × kind, as a percentage (23.4 = 23.4 %).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub office_code: String,
    pub period: u8,
    pub kind: Kind,
    /// As a string on every wire (JSON, and the worker's postcard, which reads
    /// it with `deserialize_str`).
    #[serde(with = "rust_decimal::serde::str")]
    pub rate_percent: Decimal,
    pub origin: Origin,
}

/// 口座振替等の獲得目標件数 and the count obtained (digest A6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountTransfer {
    pub office_code: String,
    pub period: u8,
    pub target_count: i64,
    pub acquired_count: i64,
    pub origin: Origin,
}

/// 事故・事務処理誤り with its 減額点数 (digest A7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub office_code: String,
    pub date: NaiveDate,
    pub points: i64,
    pub description: String,
    pub origin: Origin,
}

/// One row of the points-to-rate table (user input; digest A7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentScaleRow {
    pub min_points: i64,
    #[serde(with = "rust_decimal::serde::str")]
    pub deduction_percent: Decimal,
    pub origin: Origin,
}

/// Monthly activity per method: plan, done and contacts (digest A9 inspection).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub office_code: String,
    pub month: YearMonth,
    pub method: String,
    pub planned: i64,
    pub done: i64,
    pub contacts: i64,
    pub origin: Origin,
}

/// 理由書の提出日: the day the reason and recovery plan for `month` was filed
/// (seed 000 ⅩⅢ1). One 理由書 covers every shortfall of its month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonFiling {
    pub month: YearMonth,
    pub filed: NaiveDate,
    pub origin: Origin,
}

/// 地区別納付対象月数: a district's 納付対象月数 of one kind at a month (#13 fix
/// d). Given, the office bases share the fee over it instead of over the
/// offices loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictDueMonths {
    pub district: String,
    pub kind: Kind,
    pub month: YearMonth,
    pub due_months: i64,
    pub origin: Origin,
}

/// A whole profile-A dataset. Each table may be empty; the settlement says which
/// tables it needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PensionDataset {
    pub offices: Vec<Office>,
    pub fees: Vec<PeriodFee>,
    pub progress: Vec<Progress>,
    pub targets: Vec<Target>,
    pub account_transfers: Vec<AccountTransfer>,
    pub incidents: Vec<Incident>,
    pub incident_scale: Vec<IncidentScaleRow>,
    pub activity: Vec<Activity>,
    pub reason_filings: Vec<ReasonFiling>,
    pub district_due_months: Vec<DistrictDueMonths>,
}

impl PensionDataset {
    /// Moves every row of `other` into `self`.
    pub fn append(&mut self, mut other: PensionDataset) {
        self.offices.append(&mut other.offices);
        self.fees.append(&mut other.fees);
        self.progress.append(&mut other.progress);
        self.targets.append(&mut other.targets);
        self.account_transfers.append(&mut other.account_transfers);
        self.incidents.append(&mut other.incidents);
        self.incident_scale.append(&mut other.incident_scale);
        self.activity.append(&mut other.activity);
        self.reason_filings.append(&mut other.reason_filings);
        self.district_due_months.append(&mut other.district_due_months);
    }
}
