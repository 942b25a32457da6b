//! The typed tables of profile B. Counts and yen, no personal data: the whole
//! dataset crosses the worker seam.

use crate::core::calendar::YearMonth;
use crate::core::origin::Origin;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A language an operator must speak at least once a week (seed 003 7(4):
/// 外国語（英語、中国語、ベトナム語）… 各言語それぞれ週1回以上配置すること).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    English,
    Chinese,
    Vietnamese,
}

impl Language {
    pub const ALL: &'static [Language] = <Language as strum::VariantArray>::VARIANTS;

    /// Reads one name: 英語/中国語/ベトナム語, English/Chinese/Vietnamese, en/zh/vi.
    pub fn parse(name: &str) -> Option<Language> {
        match name.trim().to_lowercase().as_str() {
            "英語" | "english" | "en" => Some(Language::English),
            "中国語" | "chinese" | "zh" => Some(Language::Chinese),
            "ベトナム語" | "vietnamese" | "vi" => Some(Language::Vietnamese),
            _ => None,
        }
    }

    /// i18n key of the language's name.
    pub fn key(self) -> &'static str {
        match self {
            Language::English => "cc.lang.english",
            Language::Chinese => "cc.lang.chinese",
            Language::Vietnamese => "cc.lang.vietnamese",
        }
    }
}

/// The figures of one day's 日報 (seed 003 8(3)①: ア 架電件数（応答件数、不在件数等）
/// イ 納付約束の件数・金額 ウ 納付約束の履行件数・金額 エ 受電件数 オ その他).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Figures {
    pub calls: i64,
    pub answered: i64,
    pub absent: i64,
    pub calls_received: i64,
    pub promises: i64,
    pub promised_yen: i64,
    pub promises_kept: i64,
    pub kept_yen: i64,
    pub sms: i64,
    pub phone_entries: i64,
    pub property_checks: i64,
    /// 財産調査実人数: persons checked for the first time in the contract year on
    /// that day, so that the days add up to the year's distinct persons (seed 003
    /// 10(4) counts 実人数). The product's definition: a daily count of distinct
    /// persons could not be added up.
    pub property_check_persons: i64,
}

impl Figures {
    /// Adds another day's or month's figures.
    pub fn add(&mut self, o: &Figures) {
        self.calls += o.calls;
        self.answered += o.answered;
        self.absent += o.absent;
        self.calls_received += o.calls_received;
        self.promises += o.promises;
        self.promised_yen += o.promised_yen;
        self.promises_kept += o.promises_kept;
        self.kept_yen += o.kept_yen;
        self.sms += o.sms;
        self.phone_entries += o.phone_entries;
        self.property_checks += o.property_checks;
        self.property_check_persons += o.property_check_persons;
    }

    /// The sum of many.
    pub fn total<'a>(items: impl IntoIterator<Item = &'a Figures>) -> Figures {
        let mut sum = Figures::default();
        items.into_iter().for_each(|f| sum.add(f));
        sum
    }
}

/// One row of the daily log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayLog {
    pub date: NaiveDate,
    pub figures: Figures,
    /// The languages of that day's operator (empty: none of the three).
    pub languages: Vec<Language>,
    pub origin: Origin,
}

/// The ward's targets for one month (seed 003 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthTargets {
    pub month: YearMonth,
    pub calls: i64,
    pub sms_min: i64,
    pub sms_max: i64,
    pub phone_entries_min: i64,
    pub phone_entries_max: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthTargetsRow {
    pub targets: MonthTargets,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SundayOpening {
    pub date: NaiveDate,
    pub origin: Origin,
}

/// What profile B's files make.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CallCentreDataset {
    pub days: Vec<DayLog>,
    pub targets: Vec<MonthTargetsRow>,
    pub sunday_openings: Vec<SundayOpening>,
}

impl CallCentreDataset {
    pub fn append(&mut self, other: CallCentreDataset) {
        self.days.extend(other.days);
        self.targets.extend(other.targets);
        self.sunday_openings.extend(other.sunday_openings);
    }
}
