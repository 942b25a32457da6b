//! Profile B's tables (#16), each recognised by its header row: the daily log
//! the supervisor keeps for 日報 (seed 003 8(3)①), the ward's monthly targets
//! (seed 003 10) and the ward's Sunday opening days (seed 003 5(1)).
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
pub enum CallCentreTable {
    /// 日次実績: one row per day, the figures of 日報 (seed 003 8(3)① ア–オ).
    DailyLog,
    /// 月別目標: the ward's figure for a month (seed 003 10(2): 架電対象者が減少する
    /// 時期は、乙は甲が指示する件数に従うこと); a month without a row takes the seed's.
    MonthlyTargets,
    /// 日曜開庁日: the ward's Sunday opening days (seed 003 5(1)).
    SundayOpenings,
}

/// Columns of [`CallCentreTable::DailyLog`], by index.
pub mod daily_log {
    pub const DATE: usize = 0;
    pub const CALLS: usize = 1;
    pub const ANSWERED: usize = 2;
    pub const ABSENT: usize = 3;
    pub const CALLS_RECEIVED: usize = 4;
    pub const PROMISES: usize = 5;
    pub const PROMISED_YEN: usize = 6;
    pub const PROMISES_KEPT: usize = 7;
    pub const KEPT_YEN: usize = 8;
    pub const SMS: usize = 9;
    pub const PHONE_ENTRIES: usize = 10;
    pub const PROPERTY_CHECKS: usize = 11;
    pub const PROPERTY_CHECK_PERSONS: usize = 12;
    pub const LANGUAGES: usize = 13;
}

const DAILY_LOG: &[Column] = &[
    Column::required("日付", "date"),
    Column::required("架電件数", "calls"),
    Column::required("応答件数", "answered"),
    Column::required("不在件数", "absent"),
    Column::required("受電件数", "calls_received"),
    Column::required("納付約束件数", "promises"),
    Column::required("納付約束金額", "promised_yen"),
    Column::required("約束履行件数", "promises_kept"),
    Column::required("約束履行金額", "kept_yen"),
    Column::required("SMS送信件数", "sms"),
    Column::required("電話番号入力件数", "phone_entries"),
    Column::required("財産調査件数", "property_checks"),
    Column::required("財産調査実人数", "property_check_persons"),
    Column::optional("対応言語", "languages"),
];

const MONTHLY_TARGETS: &[Column] = &[
    Column::required("年月", "month"),
    Column::required("架電目標", "calls_target"),
    Column::required("SMS目標下限", "sms_min"),
    Column::required("SMS目標上限", "sms_max"),
    Column::required("電話番号入力目標下限", "phone_entries_min"),
    Column::required("電話番号入力目標上限", "phone_entries_max"),
];

const SUNDAY_OPENINGS: &[Column] = &[Column::required("日付", "date")];

impl TableSpec for CallCentreTable {
    const ALL: &'static [CallCentreTable] = <CallCentreTable as strum::VariantArray>::VARIANTS;

    fn code(self) -> &'static str {
        self.into()
    }

    fn name(self, lang: Lang) -> String {
        text(&format!("cc.table.{}", self.code()), lang)
    }

    fn columns(self) -> &'static [Column] {
        match self {
            CallCentreTable::DailyLog => DAILY_LOG,
            CallCentreTable::MonthlyTargets => MONTHLY_TARGETS,
            CallCentreTable::SundayOpenings => SUNDAY_OPENINGS,
        }
    }

    fn examples(self) -> &'static [&'static [&'static str]] {
        match self {
            CallCentreTable::DailyLog => &[
                &[
                    "2026-04-01",
                    "240",
                    "96",
                    "120",
                    "35",
                    "22",
                    "418000",
                    "15",
                    "260000",
                    "10",
                    "48",
                    "30",
                    "26",
                    "英語",
                ],
                &[
                    "2026-04-02",
                    "275",
                    "110",
                    "140",
                    "41",
                    "25",
                    "502000",
                    "18",
                    "331000",
                    "12",
                    "52",
                    "28",
                    "24",
                    "中国語;ベトナム語",
                ],
            ],
            CallCentreTable::MonthlyTargets => &[
                &["2026-04", "5700", "200", "250", "1000", "1200"],
                &["2026-08", "4800", "200", "250", "1000", "1200"],
            ],
            CallCentreTable::SundayOpenings => &[&["2026-04-12"], &["2026-04-26"]],
        }
    }
}
