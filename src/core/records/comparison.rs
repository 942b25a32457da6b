//! "Computed from your records" beside "as reported": the period-to-date promoted
//! months of the record engine against the progress table's 事業者督励月数
//! (digest A2 P), per office × kind × month.

use super::promoted::PromotedTable;
use crate::core::calendar::YearMonth;
use crate::core::dataset::pension::{Kind, Progress};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub office_code: String,
    pub kind: Kind,
    pub month: YearMonth,
    /// Period to date, from the records.
    pub computed: u64,
    /// Period to date, from the progress table; `None` when it has no such row.
    pub reported: Option<i64>,
}

impl Comparison {
    /// computed − reported, when both are known.
    pub fn difference(&self) -> Option<i64> {
        self.reported.map(|r| self.computed as i64 - r)
    }
}

/// One comparison per row of the computed table.
pub fn compare(computed: &PromotedTable, progress: &[Progress]) -> Vec<Comparison> {
    let reported: FxHashMap<(&str, Kind, YearMonth), i64> =
        progress.iter().map(|p| ((p.office_code.as_str(), p.kind, p.month), p.promoted_months)).collect();
    computed
        .rows
        .iter()
        .map(|r| Comparison {
            office_code: r.office_code.clone(),
            kind: r.kind,
            month: r.month,
            computed: r.promoted_months_to_date,
            reported: reported.get(&(r.office_code.as_str(), r.kind, r.month)).copied(),
        })
        .collect()
}

/// The latest month of each office × kind: what the office page shows.
pub fn latest(comparisons: &[Comparison]) -> Vec<&Comparison> {
    let mut last: FxHashMap<(&str, Kind), &Comparison> = FxHashMap::default();
    for c in comparisons {
        let slot = last.entry((c.office_code.as_str(), c.kind)).or_insert(c);
        if c.month > slot.month {
            *slot = c;
        }
    }
    let mut out: Vec<&Comparison> = last.into_values().collect();
    out.sort_by(|a, b| (&a.office_code, a.kind).cmp(&(&b.office_code, b.kind)));
    out
}

#[cfg(test)]
mod tests {
    use super::super::promoted::{ActionCounts, PromotedRow};
    use super::*;
    use crate::core::dataset::pension::Origin;

    #[test]
    fn differences_against_the_progress_table() {
        let month = YearMonth::new(2026, 7).unwrap();
        let row = |office: &str, to_date| PromotedRow {
            office_code: office.to_string(),
            kind: Kind::Past1,
            month,
            promoted_months: 0,
            promoted_months_to_date: to_date,
            qualifying_contacts: 0,
            actions: ActionCounts::default(),
        };
        let table = PromotedTable { rows: vec![row("A", 10), row("B", 4)], ..PromotedTable::default() };
        let progress = vec![Progress {
            office_code: "A".into(),
            kind: Kind::Past1,
            month,
            due_months: 100,
            excluded_paid_months: 0,
            forced_months: 0,
            promoted_months: 12,
            origin: Origin::default(),
        }];
        let c = compare(&table, &progress);
        assert_eq!(c[0].difference(), Some(-2));
        assert_eq!(c[1].reported, None);
        assert_eq!(c[1].difference(), None);
        assert_eq!(latest(&c).len(), 2);
    }
}
