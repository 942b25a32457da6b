//! Check ① of the monthly inspection (seed 000 ⅩⅢ2(3)①): 「別添報告様式1-2の督励
//! 実施件数が「督励事蹟情報の件数と文書返戻件数の差分」と相違がないか」. When both
//! the activity table and the contact records are loaded, each reported count
//! is set beside the records' actions of the method, less the letters returned.

use crate::core::calendar::YearMonth;
use crate::profiles::pension::dataset::{Kind, PensionDataset};
use crate::profiles::pension::records::promoted::{ActionCounts, PromotedTable};
use crate::profiles::pension::records::tables::{Choice, Method};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One activity row against the records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityCheck {
    pub office_code: String,
    pub month: YearMonth,
    pub method: String,
    /// 督励実施件数 as reported (様式1-2, the activity table).
    pub reported_done: i64,
    /// 督励事蹟情報の件数 − 文書返戻件数 from the records; `None` when the
    /// method names no method of the records (電話, 文書, SMS, 訪問, その他).
    pub from_records: Option<i64>,
    pub returned_letters: i64,
}

impl ActivityCheck {
    /// Whether the two counts agree (check ① passes for the row).
    pub fn agrees(&self) -> bool {
        self.from_records == Some(self.reported_done)
    }
}

/// Every activity row of an office and month the records cover.
pub fn activity_check(data: &PensionDataset, promoted: &PromotedTable) -> Vec<ActivityCheck> {
    // The actions of an office and month stand on each kind's row: take one.
    let actions: HashMap<(&str, YearMonth), &ActionCounts> = promoted
        .rows
        .iter()
        .filter(|r| r.kind == Kind::Current)
        .map(|r| ((r.office_code.as_str(), r.month), &r.actions))
        .collect();
    data.activity
        .iter()
        .filter_map(|a| {
            let counts = actions.get(&(a.office_code.as_str(), a.month))?;
            let method = Method::parse(a.method.as_bytes());
            let returned = counts.returned_letters;
            let from_records = method.map(|m| {
                let done = counts.get(m) - if m == Method::Letter { returned } else { 0 };
                i64::try_from(done).unwrap_or(i64::MAX)
            });
            Some(ActivityCheck {
                office_code: a.office_code.clone(),
                month: a.month,
                method: a.method.clone(),
                reported_done: a.done,
                from_records,
                returned_letters: i64::try_from(returned).unwrap_or(i64::MAX),
            })
        })
        .collect()
}
