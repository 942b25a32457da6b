//! Profile A's tables (digest A, the "tables" list), each recognised by its header
//! row. Japanese headers are canonical; the English name is an accepted alias.
//! A row reader takes a column by its index in [`TableSpec::columns`]; the record
//! tables' indices are named here (`contacts::DATE`), once, for the two readers
//! (text and plain) that take them.

use crate::core::i18n::{text, Lang};
use crate::core::import::schema::{Column, TableSpec};
use serde::{Deserialize, Serialize};

const fn col(japanese: &'static str, english: &'static str) -> Column {
    Column::required(japanese, english)
}

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
pub enum PensionTable {
    /// 事務所一覧
    Offices,
    /// 各期別委託費
    Fees,
    /// 進捗 (納付対象月数・控除・強制徴収・事業者督励月数, monthly snapshots)
    Progress,
    /// 目標督励納付率
    Targets,
    /// 口座振替獲得件数
    AccountTransfer,
    /// 事故・不適切事案 (減額点数)
    Incidents,
    /// 減額点数 → 減額率
    IncidentScale,
    /// 督励手法別 計画・実施件数
    Activity,
    /// 地区別納付対象月数: a district's due months per kind at a month, when not
    /// every office of the district is loaded (#13 fix d)
    DistrictDueMonths,
    /// 理由書提出日: the day a 理由書 was filed for a month (seed 000 ⅩⅢ1; the
    /// user's own record, loaded back like any file)
    ReasonFilings,
    /// 督励記録 (record level, personal data)
    Contacts,
    /// 納付記録 (record level, personal data)
    Payments,
    /// 滞納者情報 (record level, personal data)
    Delinquents,
}

/// Columns of [`PensionTable::Contacts`].
pub mod contacts {
    pub const PERSON: usize = 0;
    pub const OFFICE: usize = 1;
    pub const DATE: usize = 2;
    pub const METHOD: usize = 3;
    pub const OUTCOME: usize = 4;
}

/// Columns of [`PensionTable::Payments`].
pub mod payments {
    pub const PERSON: usize = 0;
    pub const OFFICE: usize = 1;
    pub const PAID: usize = 2;
    pub const PREMIUM_MONTH: usize = 3;
    pub const MONTHS: usize = 4;
    pub const CHANNEL: usize = 5;
}

/// Columns of [`PensionTable::Delinquents`].
pub mod delinquents {
    pub const PERSON: usize = 0;
    pub const OFFICE: usize = 1;
    pub const PROVIDED: usize = 2;
    pub const UNPAID_MONTHS: usize = 3;
    pub const EXEMPTION_FLAG: usize = 4;
}

impl PensionTable {
    /// The least a settlement needs: offices, fees, progress and targets (the
    /// others, when present, add adjustments, checks and record figures).
    pub const MINIMAL: [PensionTable; 4] =
        [PensionTable::Offices, PensionTable::Fees, PensionTable::Progress, PensionTable::Targets];

    /// Whether the settlement reads this table (a broken one stops the settlement).
    pub fn feeds_settlement(self) -> bool {
        !matches!(self, PensionTable::Activity | PensionTable::ReasonFilings) && !self.is_record()
    }

    /// Whether the monthly inspection reads this table (a broken one stops it, #13 fix f).
    pub fn feeds_inspection(self) -> bool {
        matches!(self, PensionTable::Offices | PensionTable::Activity | PensionTable::ReasonFilings)
    }

    /// A record-level table: personal data, read by the record engine.
    pub fn is_record(self) -> bool {
        matches!(self, PensionTable::Contacts | PensionTable::Payments | PensionTable::Delinquents)
    }
}

impl TableSpec for PensionTable {
    const ALL: &'static [PensionTable] = <PensionTable as strum::VariantArray>::VARIANTS;

    fn code(self) -> &'static str {
        self.into()
    }

    fn name(self, lang: Lang) -> String {
        text(&format!("tables.{}", self.code()), lang)
    }

    /// Made-up rows (office 90101 and persons 9999-… are invented).
    fn examples(self) -> &'static [&'static [&'static str]] {
        match self {
            PensionTable::Offices => &[
                &["90101", "例示中央年金事務所", "東京都", "例示地区"],
                &["90102", "例示東年金事務所", "東京都", "例示地区"],
            ],
            PensionTable::Fees => &[&["例示地区", "1", "1241567890"], &["例示地区", "2", "1248567890"]],
            PensionTable::Progress => &[
                &["90101", "現年度", "2026-05", "3914", "2504", "15", "161"],
                &["90101", "過年度1年目", "2026-05", "2210", "1302", "9", "88"],
            ],
            PensionTable::Targets => {
                &[&["90101", "1", "現年度", "21.5"], &["90101", "1", "過年度1年目", "13.6"]]
            }
            PensionTable::AccountTransfer => &[&["90101", "1", "234", "201"], &["90102", "1", "180", "190"]],
            PensionTable::Incidents => &[
                &["90101", "2026-07-17", "8", "納付書の誤送付"],
                &["90102", "2026-08-01", "12", "架電記録の入力誤り"],
            ],
            PensionTable::IncidentScale => &[&["1", "0.5"], &["5", "1"]],
            PensionTable::Activity => &[
                &["90101", "2026-05", "電話", "1879", "1692", "636"],
                &["90101", "2026-05", "文書", "2818", "2474", "2474"],
            ],
            PensionTable::ReasonFilings => &[&["2026-05", "2026-06-19"], &["2026-08", "2026-09-18"]],
            PensionTable::DistrictDueMonths => &[
                &["例示地区", "現年度", "2026-05", "312004"],
                &["例示地区", "過年度1年目", "2026-05", "187551"],
            ],
            PensionTable::Contacts => &[
                &["9999-000001", "90101", "2026-06-10", "電話", "本人接触"],
                &["9999-000002", "90101", "2026-06-11", "文書", "送付"],
            ],
            PensionTable::Payments => &[
                &["9999-000001", "90101", "2026-07-01", "2025-10", "3", "通常"],
                &["9999-000002", "90101", "2026-08-31", "2024-10", "1", "通常"],
            ],
            PensionTable::Delinquents => &[
                &["9999-000001", "90101", "2026-05-01", "3", ""],
                &["9999-000002", "90101", "2026-05-01", "12", "1"],
            ],
        }
    }

    fn columns(self) -> &'static [Column] {
        const OFFICES: &[Column] = &[
            col("事務所コード", "office_code"),
            col("事務所名", "office_name"),
            col("都道府県", "prefecture"),
            col("地区", "district"),
        ];
        const FEES: &[Column] =
            &[col("地区", "district"), col("期", "period"), col("各期別委託費", "period_fee_yen")];
        const PROGRESS: &[Column] = &[
            col("事務所コード", "office_code"),
            col("保険料種別", "kind"),
            col("年月", "month"),
            col("納付対象月数", "due_months"),
            col("控除納付月数", "excluded_paid_months"),
            col("強制徴収収納月数", "forced_months"),
            col("事業者督励月数", "promoted_months"),
        ];
        const TARGETS: &[Column] = &[
            col("事務所コード", "office_code"),
            col("期", "period"),
            col("保険料種別", "kind"),
            col("目標督励納付率", "target_rate"),
        ];
        const ACCOUNT_TRANSFER: &[Column] = &[
            col("事務所コード", "office_code"),
            col("期", "period"),
            col("獲得目標件数", "target_count"),
            col("獲得件数", "acquired_count"),
        ];
        const INCIDENTS: &[Column] = &[
            col("事務所コード", "office_code"),
            col("発生日", "date"),
            col("減額点数", "points"),
            Column::optional("内容", "description"),
        ];
        const INCIDENT_SCALE: &[Column] =
            &[col("累積点数以上", "min_points"), col("減額率", "deduction_rate")];
        const ACTIVITY: &[Column] = &[
            col("事務所コード", "office_code"),
            col("年月", "month"),
            col("督励手法", "method"),
            col("計画件数", "planned"),
            col("実施件数", "done"),
            col("接触件数", "contacts"),
        ];
        const REASON_FILINGS: &[Column] = &[col("対象年月", "month"), col("提出日", "filed_date")];
        const DISTRICT_DUE_MONTHS: &[Column] = &[
            col("地区", "district"),
            col("保険料種別", "kind"),
            col("年月", "month"),
            col("地区納付対象月数", "district_due_months"),
        ];
        const CONTACTS: &[Column] = &[
            col("基礎年金番号", "person_id"),
            col("事務所コード", "office_code"),
            col("督励日", "date"),
            col("督励手法", "method"),
            col("結果", "outcome"),
        ];
        const PAYMENTS: &[Column] = &[
            col("基礎年金番号", "person_id"),
            col("事務所コード", "office_code"),
            col("納付日", "paid_date"),
            col("対象年月", "premium_month"),
            Column::optional("月数", "months"),
            col("収納区分", "channel"),
        ];
        const DELINQUENTS: &[Column] = &[
            col("基礎年金番号", "person_id"),
            col("事務所コード", "office_code"),
            col("提供日", "provided_date"),
            col("未納月数", "unpaid_months"),
            Column::optional("免除等勧奨", "exemption_flag"),
        ];
        match self {
            PensionTable::Contacts => CONTACTS,
            PensionTable::Payments => PAYMENTS,
            PensionTable::Delinquents => DELINQUENTS,
            PensionTable::Offices => OFFICES,
            PensionTable::Fees => FEES,
            PensionTable::Progress => PROGRESS,
            PensionTable::Targets => TARGETS,
            PensionTable::AccountTransfer => ACCOUNT_TRANSFER,
            PensionTable::Incidents => INCIDENTS,
            PensionTable::IncidentScale => INCIDENT_SCALE,
            PensionTable::Activity => ACTIVITY,
            PensionTable::ReasonFilings => REASON_FILINGS,
            PensionTable::DistrictDueMonths => DISTRICT_DUE_MONTHS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::schema::{closest_table, header_signature, recognize, ColumnMapping};

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn japanese_english_and_full_width_headers() {
        let m = recognize::<PensionTable>(&row(&["事務所コード", "事務所名", "都道府県", "地区"])).unwrap();
        assert_eq!(m.table, PensionTable::Offices);
        let m = recognize::<PensionTable>(&row(&[
            "\u{FEFF}Office Code",
            "OFFICE_NAME",
            "prefecture",
            "ｄｉｓｔｒｉｃｔ",
        ]))
        .unwrap();
        assert_eq!(m.table, PensionTable::Offices);
        assert_eq!(m.positions, vec![Some(0), Some(1), Some(2), Some(3)]);
        let m =
            recognize::<PensionTable>(&row(&["地区", " 事務所 コード ", "事務所名", "都道府県"])).unwrap();
        assert_eq!(m.positions, vec![Some(1), Some(2), Some(3), Some(0)]);
    }

    #[test]
    fn progress_and_activity_are_told_apart() {
        let progress = PensionTable::Progress.header().iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(recognize::<PensionTable>(&progress).unwrap().table, PensionTable::Progress);
        let activity = PensionTable::Activity.header().iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(recognize::<PensionTable>(&activity).unwrap().table, PensionTable::Activity);
    }

    #[test]
    fn a_remembered_mapping_applies_to_the_same_header_only() {
        let header = row(&["コード", "なまえ", "県", "ちく"]);
        assert_eq!(recognize::<PensionTable>(&header), Err(None));
        let mapping = ColumnMapping {
            signature: header_signature(&header),
            table: PensionTable::Offices,
            positions: vec![Some(0), Some(1), Some(2), Some(3)],
        };
        assert_eq!(mapping.apply(&header).unwrap().table, PensionTable::Offices);
        assert_eq!(mapping.apply(&row(&["コード", "なまえ", "県"])), None);
        let partial = ColumnMapping { positions: vec![Some(0), None, Some(2), Some(3)], ..mapping };
        assert_eq!(partial.apply(&header), None, "a required column left unmapped");
    }

    #[test]
    fn a_mapping_starts_from_the_closest_table() {
        let closest = |cells: &[&str]| closest_table::<PensionTable>(&row(cells));
        assert_eq!(closest(&["コード", "督励日", "結果"]), PensionTable::Contacts);
        assert_eq!(closest(&["x", "y"]), PensionTable::Offices, "nothing found: the first table");
        assert_eq!(closest(&["事務所コード", "x"]), PensionTable::Offices, "a tie: the first table");
    }

    #[test]
    fn a_missing_column_is_named() {
        let err = recognize::<PensionTable>(&row(&[
            "事務所コード",
            "保険料種別",
            "年月",
            "納付対象月数",
            "控除納付月数",
            "強制徴収収納月数",
        ]))
        .unwrap_err()
        .unwrap();
        assert_eq!(err.table, PensionTable::Progress);
        assert_eq!(err.missing_required()[0].japanese, "事業者督励月数");
        assert_eq!(recognize::<PensionTable>(&row(&["foo", "bar"])), Err(None));
    }
}
