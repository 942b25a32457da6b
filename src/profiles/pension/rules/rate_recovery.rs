//! Rate recovery: per office × kind, the 事業者督励月数 to add at the latest
//! snapshot for the 達成割合 to reach 100 %, 110 % and 120 % of target, and to stay
//! at or above 95 % and 80 % (the bands of digest A5, seed 000 別紙).
//!
//! n is the smallest whole number for which the ratio the rule reads, with P + n
//! over the same denominator, reaches the level. The rule reads the ratio in
//! 0.1 % steps (excess floored, shortfall ceiled), and every level is a whole
//! number of steps, so the stepped ratio reaches L exactly when the exact one
//! does: n = max(0, ⌈L × target × (T − 控除 − F)⌉ − P). A ratio on an edge lies
//! in the band it opens under both band readings (`achievement.rs`), so n is the
//! same under either. `tests/rate_recovery.rs` finds n again by settling P + n
//! and P + n − 1 with [`super::evaluate`].

use super::model::{KindInputs, Model};
use crate::core::calendar::YearMonth;
use crate::core::money::{frac, Exact};
use crate::profiles::pension::dataset::{Kind, PensionDataset};
use crate::profiles::pension::records::promoted::PromotedTable;
use num_traits::CheckedMul;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The levels asked for, in percent of target: the band edges of digest A5.
pub const LEVELS_PERCENT: [i64; 5] = [80, 95, 100, 110, 120];

/// What a promoted month is won with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YieldBasis {
    /// Qualifying contacts from the record files (digest A2).
    QualifyingContacts,
    /// 督励実施件数 from the activity table, when no records are loaded.
    Actions,
}

/// An office's own yield to date: `promoted_months` (every kind) were won
/// with `per` contacts or actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Yield {
    pub basis: YieldBasis,
    pub promoted_months: i64,
    pub per: i64,
}

impl Yield {
    /// Contacts (or actions) to win `months` more, at this yield: ⌈months × per ÷ promoted⌉.
    pub fn effort_for(&self, months: i64) -> Option<i64> {
        (self.promoted_months > 0 && self.per > 0)
            .then(|| frac(months, 1) * frac(self.per, self.promoted_months))
            .and_then(|x: Exact| i64::try_from(x.ceil().to_integer()).ok())
    }
}

/// One office × kind × level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateRecovery {
    pub office_code: String,
    pub kind: Kind,
    pub level_percent: i64,
    /// `None` without a target or a positive denominator.
    pub promoted_months_needed: Option<i64>,
    /// Whether P + n stays within the denominator (the most there is to win).
    pub reachable: bool,
    /// Months of the period after the as-of month.
    pub remaining_months: i64,
    /// ⌈n ÷ remaining months⌉; n itself when no month is left.
    pub per_remaining_month: Option<i64>,
    /// Contacts (or actions) for n at the office's yield.
    pub effort_needed: Option<i64>,
    pub office_yield: Option<Yield>,
}

/// The least n with (P + n) ÷ D ÷ target ≥ level, 0 when already there; `None`
/// without a target or a positive denominator.
pub fn promoted_months_needed(inputs: &KindInputs, level_percent: i64) -> Option<i64> {
    promoted_months_to(inputs, frac(level_percent, 100))
}

/// The least n with (P + n) ÷ D ÷ target ≥ `level` (a fraction of target), 0
/// when already there; `None` without a target or a positive denominator.
pub fn promoted_months_to(inputs: &KindInputs, level: Exact) -> Option<i64> {
    Some(promoted_months_at(inputs, level)?.saturating_sub(inputs.promoted_months).max(0))
}

/// The least P with P ÷ D ÷ target ≥ `level`: ⌈level × target × D⌉ (may be
/// below today's P, or above D); `None` without a target or a positive
/// denominator.
pub fn promoted_months_at(inputs: &KindInputs, level: Exact) -> Option<i64> {
    let denominator = inputs.denominator();
    let target = inputs.target.as_ref()?;
    if denominator <= 0 {
        return None;
    }
    let needed = level.checked_mul(target)?.checked_mul(&frac(denominator, 1))?;
    i64::try_from(needed.ceil().to_integer()).ok()
}

/// Every office × kind × level of the model, with each office's yield.
pub fn rate_recovery(model: &Model, yields: &BTreeMap<String, Yield>) -> Vec<RateRecovery> {
    let remaining_months = model.period.last().index() - model.as_of.index();
    let mut out = Vec::with_capacity(model.offices.len() * 15);
    for office in &model.offices {
        let office_yield = yields.get(&office.code).copied();
        for inputs in &office.kinds {
            for level_percent in LEVELS_PERCENT {
                let n = promoted_months_needed(inputs, level_percent);
                out.push(RateRecovery {
                    office_code: office.code.clone(),
                    kind: inputs.kind,
                    level_percent,
                    promoted_months_needed: n,
                    reachable: n
                        .is_some_and(|n| inputs.promoted_months.saturating_add(n) <= inputs.denominator()),
                    remaining_months,
                    per_remaining_month: n.map(|n| {
                        if remaining_months > 0 {
                            ceil_div(n, remaining_months)
                        } else {
                            n
                        }
                    }),
                    effort_needed: n.and_then(|n| office_yield.and_then(|y| y.effort_for(n))),
                    office_yield,
                });
            }
        }
    }
    out
}

fn ceil_div(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

/// Each office's yield from its records: promoted months of every kind and the
/// qualifying contacts, over the period's months up to `as_of`.
pub fn yields_from_records(table: &PromotedTable, model: &Model) -> BTreeMap<String, Yield> {
    let months = model.period.first..=model.as_of;
    let mut sums: BTreeMap<String, (i64, BTreeMap<YearMonth, i64>)> = BTreeMap::new();
    for row in table.rows.iter().filter(|r| months.contains(&r.month)) {
        let slot = sums.entry(row.office_code.clone()).or_default();
        slot.0 = slot.0.saturating_add(i64::try_from(row.promoted_months).unwrap_or(i64::MAX));
        // The same contacts stand on the three kind rows of a month.
        slot.1.insert(row.month, i64::try_from(row.qualifying_contacts).unwrap_or(i64::MAX));
    }
    sums.into_iter()
        .map(|(office, (promoted_months, contacts))| {
            let per = contacts.values().fold(0i64, |s, c| s.saturating_add(*c));
            (office, Yield { basis: YieldBasis::QualifyingContacts, promoted_months, per })
        })
        .collect()
}

/// Each office's yield from the activity table: promoted months of every kind
/// at the snapshot, and the actions done from the period's first month to `as_of`.
pub fn yields_from_actions(data: &PensionDataset, model: &Model) -> BTreeMap<String, Yield> {
    let mut actions: BTreeMap<&str, i64> = BTreeMap::new();
    for a in data.activity.iter().filter(|a| (model.period.first..=model.as_of).contains(&a.month)) {
        let slot = actions.entry(a.office_code.as_str()).or_default();
        *slot = slot.saturating_add(a.done);
    }
    model
        .offices
        .iter()
        .filter_map(|o| {
            let per = *actions.get(o.code.as_str())?;
            let promoted_months = o.kinds.iter().fold(0i64, |s, k| s.saturating_add(k.promoted_months));
            Some((o.code.clone(), Yield { basis: YieldBasis::Actions, promoted_months, per }))
        })
        .collect()
}
