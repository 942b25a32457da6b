//! Profile C's tables (#17), each recognised by its header row: the debts of
//! the bureaus' lists (seed 004 別添-1, without the debtor's name, address or
//! number: only whether a number is known), what was done for each (letters,
//! calls, visits), what ended it (acknowledgements, recoveries, bureau stops),
//! the bureau's own location-check periods, and the yearly tables the seed
//! ships (caps, recovery lower bounds, coordinators), which a row overrides.
//! Japanese headers are canonical; the English name is an accepted alias.

use crate::core::i18n::{text, Lang};
use crate::core::import::schema::{Column, TableSpec};
use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DunningTable {
    /// 債務者リスト (別添(三(納))-1, (費)-1, (返)-1): one row per debt.
    Debts,
    /// 督促状の発送: sent, returned, or stopped by the bureau.
    Letters,
    /// 電話督促: one row per call, with its result code ①–⑮.
    Calls,
    /// 所在地確認（現地調査）: one row per visit, with its result code ①–⑤.
    Visits,
    /// 債務承認書の受領.
    Acknowledgements,
    /// 入金: a payment on a debt.
    Recoveries,
    /// 連絡中止: the bureau stopped the work on a debt.
    BureauStops,
    /// 所在地確認の期間: the bureau's own period for a debt (seed 004 ※).
    LocationPeriods,
    /// 委託債権上限件数/年: a cap that replaces the seed's.
    Caps,
    /// 債権額別委託下限件数/年: a lower bound that replaces the seed's.
    RecoveryBounds,
    /// コーディネーター配置数: a count that replaces the seed's.
    Coordinators,
}

/// Columns of [`DunningTable::Debts`], by index.
pub mod debts {
    pub const BLOCK: usize = 0;
    pub const BUREAU: usize = 1;
    pub const KIND: usize = 2;
    pub const DEBT_ID: usize = 3;
    pub const AMOUNT: usize = 4;
    pub const HANDOVER: usize = 5;
    pub const SLOT: usize = 6;
    pub const HAS_PHONE: usize = 7;
    pub const NO_PLAN_NEEDED: usize = 8;
    pub const COST_FORM: usize = 9;
    pub const COST_REASON: usize = 10;
    pub const RECOVERY: usize = 11;
}

const DEBTS: &[Column] = &[
    Column::required("ブロック", "block"),
    Column::required("労働局", "bureau"),
    Column::required("債権種別", "debt_kind"),
    Column::required("債権番号", "debt_id"),
    Column::required("債権額", "amount_yen"),
    Column::required("リスト提供日", "handover_date"),
    Column::required("時間帯区分", "slot"),
    Column::required("電話番号あり", "has_phone"),
    Column::optional("計画書不要", "no_plan_needed"),
    Column::optional("費債権種別", "cost_form"),
    Column::optional("徴収理由", "cost_reason"),
    Column::optional("債権回収", "recovery"),
];

const LETTERS: &[Column] = &[
    Column::required("債権番号", "debt_id"),
    Column::required("発送日", "sent_date"),
    Column::optional("返送", "returned"),
    Column::optional("返送日", "returned_date"),
    Column::optional("発送中止", "mailing_stopped"),
];

const CALLS: &[Column] = &[
    Column::required("債権番号", "debt_id"),
    Column::required("架電日", "call_date"),
    Column::required("架電時刻", "call_time"),
    Column::required("電話結果コード", "call_code"),
];

const VISITS: &[Column] = &[
    Column::required("債権番号", "debt_id"),
    Column::required("訪問日", "visit_date"),
    Column::required("訪問時刻", "visit_time"),
    Column::required("訪問結果コード", "visit_code"),
];

const ACKNOWLEDGEMENTS: &[Column] =
    &[Column::required("債権番号", "debt_id"), Column::required("承認書受領日", "acknowledged_date")];

const RECOVERIES: &[Column] = &[
    Column::required("債権番号", "debt_id"),
    Column::required("入金日", "paid_date"),
    Column::required("入金額", "paid_yen"),
];

const BUREAU_STOPS: &[Column] =
    &[Column::required("債権番号", "debt_id"), Column::required("中止日", "stop_date")];

const LOCATION_PERIODS: &[Column] =
    &[Column::required("債権番号", "debt_id"), Column::required("所在地確認期間（月）", "location_months")];

const CAPS: &[Column] = &[
    Column::required("ブロック", "block"),
    Column::required("債権種別", "debt_kind"),
    Column::required("業務", "work"),
    Column::required("上限件数", "cap"),
];

const RECOVERY_BOUNDS: &[Column] = &[
    Column::required("ブロック", "block"),
    Column::required("債権額帯", "amount_band"),
    Column::required("下限件数", "lower_bound"),
];

const COORDINATORS: &[Column] =
    &[Column::required("ブロック", "block"), Column::required("コーディネーター配置数", "coordinators")];

impl TableSpec for DunningTable {
    const ALL: &'static [DunningTable] = <DunningTable as strum::VariantArray>::VARIANTS;

    fn code(self) -> &'static str {
        self.into()
    }

    fn name(self, lang: Lang) -> String {
        text(&format!("dn.table.{}", self.code()), lang)
    }

    fn columns(self) -> &'static [Column] {
        match self {
            DunningTable::Debts => DEBTS,
            DunningTable::Letters => LETTERS,
            DunningTable::Calls => CALLS,
            DunningTable::Visits => VISITS,
            DunningTable::Acknowledgements => ACKNOWLEDGEMENTS,
            DunningTable::Recoveries => RECOVERIES,
            DunningTable::BureauStops => BUREAU_STOPS,
            DunningTable::LocationPeriods => LOCATION_PERIODS,
            DunningTable::Caps => CAPS,
            DunningTable::RecoveryBounds => RECOVERY_BOUNDS,
            DunningTable::Coordinators => COORDINATORS,
        }
    }

    fn examples(self) -> &'static [&'static [&'static str]] {
        match self {
            DunningTable::Debts => &[
                &["東京", "東京", "三納", "T-2016-0001", "1250000", "2016-08-22", "a", "○", "", "", "", "○"],
                &["関東", "埼玉", "費", "S-2016-0002", "340000", "2016-08-22", "b", "○", "", "A", "B", ""],
            ],
            DunningTable::Letters => &[
                &["T-2016-0001", "2016-09-02", "", "", ""],
                &["S-2016-0002", "2016-09-02", "○", "2016-09-12", ""],
            ],
            DunningTable::Calls => {
                &[&["T-2016-0001", "2016-09-12", "19:05", "⑨"], &["T-2016-0001", "2016-09-20", "10:30", "②"]]
            }
            DunningTable::Visits => {
                &[&["S-2016-0002", "2016-10-15", "10:00", "②"], &["S-2016-0002", "2016-10-22", "14:30", "①"]]
            }
            DunningTable::Acknowledgements => &[&["T-2016-0001", "2016-10-03"]],
            DunningTable::Recoveries => &[&["T-2016-0001", "2016-10-31", "50000"]],
            DunningTable::BureauStops => &[&["S-2016-0002", "2016-11-01"]],
            DunningTable::LocationPeriods => &[&["S-2016-0002", "3"]],
            DunningTable::Caps => &[&["東京", "三納", "督促状", "2426"], &["東京", "三納", "電話", "1460"]],
            DunningTable::RecoveryBounds => {
                &[&["東京", "100～300万円", "25"], &["東京", "1000～3000万円", "1"]]
            }
            DunningTable::Coordinators => &[&["東京", "2"], &["関東", "3"]],
        }
    }
}
