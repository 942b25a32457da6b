//! The tables a dataset is made of, each recognised by its header row. Japanese
//! headers are canonical; the English name is an accepted alias.

use serde::{Deserialize, Serialize};

/// One expected column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub japanese: &'static str,
    pub english: &'static str,
    pub required: bool,
}

const fn col(japanese: &'static str, english: &'static str) -> Column {
    Column { japanese, english, required: true }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    Offices,
    Fees,
    Progress,
    Targets,
    AccountTransfer,
    Incidents,
    IncidentScale,
    Activity,
    /// 督励記録 (record level, personal data)
    Contacts,
    /// 納付記録 (record level, personal data)
    Payments,
    /// 滞納者情報 (record level, personal data)
    Delinquents,
}

impl TableKind {
    pub const ALL: [TableKind; 11] = [
        TableKind::Offices,
        TableKind::Fees,
        TableKind::Progress,
        TableKind::Targets,
        TableKind::AccountTransfer,
        TableKind::Incidents,
        TableKind::IncidentScale,
        TableKind::Activity,
        TableKind::Contacts,
        TableKind::Payments,
        TableKind::Delinquents,
    ];

    /// The table's name on the command line and in file names.
    pub fn code(self) -> &'static str {
        match self {
            TableKind::Offices => "offices",
            TableKind::Fees => "fees",
            TableKind::Progress => "progress",
            TableKind::Targets => "targets",
            TableKind::AccountTransfer => "account_transfer",
            TableKind::Incidents => "incidents",
            TableKind::IncidentScale => "incident_scale",
            TableKind::Activity => "activity",
            TableKind::Contacts => "contacts",
            TableKind::Payments => "payments",
            TableKind::Delinquents => "delinquents",
        }
    }

    pub fn from_code(code: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Whether the settlement reads this table (a broken one stops the settlement).
    pub fn feeds_settlement(self) -> bool {
        !matches!(self, TableKind::Activity) && !self.is_record()
    }

    /// A record-level table: personal data, read by the record engine.
    pub fn is_record(self) -> bool {
        matches!(self, TableKind::Contacts | TableKind::Payments | TableKind::Delinquents)
    }

    pub fn columns(self) -> &'static [Column] {
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
            Column { japanese: "内容", english: "description", required: false },
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
            Column { japanese: "月数", english: "months", required: false },
            col("収納区分", "channel"),
        ];
        const DELINQUENTS: &[Column] = &[
            col("基礎年金番号", "person_id"),
            col("事務所コード", "office_code"),
            col("提供日", "provided_date"),
            col("未納月数", "unpaid_months"),
            Column { japanese: "免除等勧奨", english: "exemption_flag", required: false },
        ];
        match self {
            TableKind::Contacts => CONTACTS,
            TableKind::Payments => PAYMENTS,
            TableKind::Delinquents => DELINQUENTS,
            TableKind::Offices => OFFICES,
            TableKind::Fees => FEES,
            TableKind::Progress => PROGRESS,
            TableKind::Targets => TARGETS,
            TableKind::AccountTransfer => ACCOUNT_TRANSFER,
            TableKind::Incidents => INCIDENTS,
            TableKind::IncidentScale => INCIDENT_SCALE,
            TableKind::Activity => ACTIVITY,
        }
    }

    /// A blank file with the canonical header: UTF-8 with BOM and CRLF, as Excel
    /// expects.
    pub fn template(self) -> String {
        format!("\u{FEFF}{}\r\n", self.header().join(","))
    }

    /// The canonical header row (Japanese names).
    pub fn header(self) -> Vec<&'static str> {
        self.columns().iter().map(|c| c.japanese).collect()
    }
}

/// A header cell as compared: full-width folded, spaces and underscores and
/// hyphens removed, ASCII lower-cased ("Office Code", "ｏｆｆｉｃｅ＿ｃｏｄｅ" and
/// "office_code" all match; "事務所 コード" matches "事務所コード").
pub fn normalize_header(cell: &str) -> String {
    super::values::normalize(cell.trim_start_matches('\u{FEFF}'))
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each expected column sits in a file's header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMatch {
    pub table: TableKind,
    /// For each of `table.columns()`, the index of the file column, if present.
    pub positions: Vec<Option<usize>>,
}

impl HeaderMatch {
    pub fn missing_required(&self) -> Vec<Column> {
        self.table
            .columns()
            .iter()
            .zip(&self.positions)
            .filter(|(c, p)| c.required && p.is_none())
            .map(|(c, _)| *c)
            .collect()
    }

    fn matched(&self) -> usize {
        self.positions.iter().filter(|p| p.is_some()).count()
    }
}

/// A header row as compared, as one string: the key a remembered mapping is
/// stored under.
pub fn header_signature(header: &[String]) -> String {
    header.iter().map(|h| normalize_header(h)).collect::<Vec<_>>().join("\u{1F}")
}

/// The user's mapping of a file's columns to a table's, remembered for files with
/// the same header (a setting: column names only, no data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub signature: String,
    pub table: TableKind,
    /// For each of `table.columns()`, the file column it comes from.
    pub positions: Vec<Option<usize>>,
}

impl ColumnMapping {
    /// The mapping as a header match for `header`, if it fits it: same signature,
    /// positions inside the row, every required column mapped.
    pub fn apply(&self, header: &[String]) -> Option<HeaderMatch> {
        let fits = self.signature == header_signature(header)
            && self.positions.len() == self.table.columns().len()
            && self.positions.iter().flatten().all(|p| *p < header.len());
        let m = HeaderMatch { table: self.table, positions: self.positions.clone() };
        (fits && m.missing_required().is_empty()).then_some(m)
    }
}

/// Matches a header row against one table.
pub fn match_header(header: &[String], table: TableKind) -> HeaderMatch {
    let cells: Vec<String> = header.iter().map(|h| normalize_header(h)).collect();
    let positions = table
        .columns()
        .iter()
        .map(|c| {
            let names = [normalize_header(c.japanese), normalize_header(c.english)];
            cells.iter().position(|cell| names.contains(cell))
        })
        .collect();
    HeaderMatch { table, positions }
}

/// The table a header row belongs to: the complete match with the most columns
/// (`Ok`), or else the closest incomplete one (`Err`, to report what is missing),
/// or `Err(None)` when nothing resembles a known table.
pub fn recognize(header: &[String]) -> Result<HeaderMatch, Option<HeaderMatch>> {
    let mut matches: Vec<HeaderMatch> = TableKind::ALL.iter().map(|t| match_header(header, *t)).collect();
    matches.sort_by_key(|m| {
        std::cmp::Reverse((m.missing_required().is_empty(), m.matched(), m.table.columns().len()))
    });
    let best = matches.into_iter().next().filter(|m| m.matched() >= 2);
    match best {
        Some(m) if m.missing_required().is_empty() => Ok(m),
        other => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn japanese_english_and_full_width_headers() {
        let m = recognize(&row(&["事務所コード", "事務所名", "都道府県", "地区"])).unwrap();
        assert_eq!(m.table, TableKind::Offices);
        let m = recognize(&row(&["\u{FEFF}Office Code", "OFFICE_NAME", "prefecture", "ｄｉｓｔｒｉｃｔ"]))
            .unwrap();
        assert_eq!(m.table, TableKind::Offices);
        assert_eq!(m.positions, vec![Some(0), Some(1), Some(2), Some(3)]);
        let m = recognize(&row(&["地区", " 事務所 コード ", "事務所名", "都道府県"])).unwrap();
        assert_eq!(m.positions, vec![Some(1), Some(2), Some(3), Some(0)]);
    }

    #[test]
    fn progress_and_activity_are_told_apart() {
        let progress = TableKind::Progress.header().iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(recognize(&progress).unwrap().table, TableKind::Progress);
        let activity = TableKind::Activity.header().iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(recognize(&activity).unwrap().table, TableKind::Activity);
    }

    #[test]
    fn a_remembered_mapping_applies_to_the_same_header_only() {
        let header = row(&["コード", "なまえ", "県", "ちく"]);
        assert_eq!(recognize(&header), Err(None));
        let mapping = ColumnMapping {
            signature: header_signature(&header),
            table: TableKind::Offices,
            positions: vec![Some(0), Some(1), Some(2), Some(3)],
        };
        assert_eq!(mapping.apply(&header).unwrap().table, TableKind::Offices);
        assert_eq!(mapping.apply(&row(&["コード", "なまえ", "県"])), None);
        let partial = ColumnMapping { positions: vec![Some(0), None, Some(2), Some(3)], ..mapping };
        assert_eq!(partial.apply(&header), None, "a required column left unmapped");
    }

    #[test]
    fn a_missing_column_is_named() {
        let err = recognize(&row(&[
            "事務所コード",
            "保険料種別",
            "年月",
            "納付対象月数",
            "控除納付月数",
            "強制徴収収納月数",
        ]))
        .unwrap_err()
        .unwrap();
        assert_eq!(err.table, TableKind::Progress);
        assert_eq!(err.missing_required()[0].japanese, "事業者督励月数");
        assert_eq!(recognize(&row(&["foo", "bar"])), Err(None));
    }
}
