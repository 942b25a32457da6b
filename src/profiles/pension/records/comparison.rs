//! "Computed from your records" beside "as reported": the period-to-date promoted
//! months of the record engine against the progress table's 事業者督励月数
//! (digest A2 P), per office × kind × month.

use super::promoted::PromotedRow;
use crate::core::calendar::YearMonth;
use crate::profiles::pension::dataset::{Kind, Progress};
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

/// One comparison per computed row given (the progress table is read once,
/// keeping only the rows asked about).
pub fn compare<'a>(
    computed: impl IntoIterator<Item = &'a PromotedRow>,
    progress: &[Progress],
) -> Vec<Comparison> {
    let computed: Vec<&PromotedRow> = computed.into_iter().collect();
    let wanted: FxHashMap<(&str, Kind, YearMonth), usize> =
        computed.iter().enumerate().map(|(i, r)| ((r.office_code.as_str(), r.kind, r.month), i)).collect();
    let mut reported = vec![None; computed.len()];
    for p in progress {
        if let Some(&i) = wanted.get(&(p.office_code.as_str(), p.kind, p.month)) {
            reported[i] = Some(p.promoted_months);
        }
    }
    computed
        .into_iter()
        .zip(reported)
        .map(|(r, reported)| Comparison {
            office_code: r.office_code.clone(),
            kind: r.kind,
            month: r.month,
            computed: r.promoted_months_to_date,
            reported,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::promoted::{ActionCounts, PromotedTable};
    use super::*;
    use crate::profiles::pension::dataset::Origin;

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
        let c = compare(table.latest_rows(), &progress);
        assert_eq!(c[0].difference(), Some(-2));
        assert_eq!(c[1].reported, None);
        assert_eq!(c[1].difference(), None);
        assert_eq!(table.latest_rows().count(), 2);
    }
}
