//! The work against the yearly tables, per block (seed 004 別添): debts worked
//! against the caps of each debt kind and work (「委託債権上限件数/年」: caps
//! count debts, not debtors, and may be exceeded by agreement, so going over is
//! shown, not refused), visits against the 【参考値】 (an estimate, not a cap),
//! recovery cases against the lower bounds per amount band, and the
//! coordinators. The seed's tables are the default; a row of the caps, bounds
//! or coordinators table replaces the seed's figure and is marked as edited.

use super::blocks::{table, Block, DebtKind, Work, COORDINATORS, RECOVERY_LOWER_BOUNDS};
use super::bureaus::{band_of, BAND_NAMES};
use super::dataset::DunningDataset;
use serde::Serialize;

/// A figure of the yearly tables: the seed's, or the user's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Limit {
    pub value: i64,
    /// The user's table replaced the seed's figure.
    pub edited: bool,
}

/// One cap: debts of a kind worked in a block, against the cap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CapLine {
    pub kind: DebtKind,
    pub work: Work,
    /// Debts with the work done (a letter sent, a call made, a visit made).
    pub worked: i64,
    pub cap: Limit,
    /// Cap − worked; negative when the cap is exceeded (allowed by agreement).
    pub left: i64,
}

/// Visits made (実施回数: visits, not debtors) against the 【参考値】.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VisitLine {
    pub kind: DebtKind,
    pub visits: i64,
    /// 所在地確認業務 実施予定回数/年 【参考値】: an estimate, not a cap.
    pub reference: i64,
}

/// Recovery cases of an amount band against its lower bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandLine {
    pub band: &'static str,
    pub cases: i64,
    pub lower_bound: Limit,
    /// Lower bound − cases, at least 0.
    pub short: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockCaps {
    pub block: Block,
    pub caps: Vec<CapLine>,
    pub visits: Vec<VisitLine>,
    pub recovery: Vec<BandLine>,
    /// Recovery debts over ¥30,000,000: the seed's bands stop there, so they
    /// fit none (listed, not counted).
    pub recovery_beyond_bands: Vec<String>,
    pub coordinators: Limit,
}

fn limit(seed: i64, row: Option<i64>) -> Limit {
    Limit { value: row.unwrap_or(seed), edited: row.is_some() }
}

/// Every block's work against its tables.
pub fn caps(data: &DunningDataset) -> Vec<BlockCaps> {
    let debts = data.debts_with_work();
    Block::ALL
        .iter()
        .map(|&block| {
            let mine: Vec<_> = debts.iter().filter(|(row, _)| row.block == block).collect();
            let mut caps = Vec::new();
            let mut visits = Vec::new();
            for &kind in DebtKind::ALL {
                let of_kind: Vec<_> = mine.iter().filter(|(row, _)| row.kind == kind).collect();
                for (w, &work) in Work::ALL.iter().enumerate() {
                    let worked = of_kind
                        .iter()
                        .filter(|(_, debt)| match work {
                            Work::Letters => debt.letter.sent.is_some(),
                            Work::PhoneNotices => !debt.calls.is_empty(),
                            Work::LocationChecks => !debt.visits.is_empty(),
                        })
                        .count() as i64;
                    let row = data.caps.iter().find(|c| (c.block, c.kind, c.work) == (block, kind, work));
                    let cap = limit(table(kind).caps[block.index()][w], row.map(|r| r.cap));
                    caps.push(CapLine { kind, work, worked, cap, left: cap.value - worked });
                }
                let made = of_kind.iter().map(|(_, debt)| debt.visits.len() as i64).sum();
                visits.push(VisitLine { kind, visits: made, reference: table(kind).visits[block.index()] });
            }
            let recovery_debts: Vec<_> = mine.iter().filter(|(row, _)| row.recovery).collect();
            let recovery = BAND_NAMES
                .iter()
                .enumerate()
                .map(|(b, &band)| {
                    let cases =
                        recovery_debts.iter().filter(|(row, _)| band_of(row.amount_yen) == Some(b)).count()
                            as i64;
                    let row = data.recovery_bounds.iter().find(|r| (r.block, r.band) == (block, b));
                    let lower_bound =
                        limit(RECOVERY_LOWER_BOUNDS[block.index()][b], row.map(|r| r.lower_bound));
                    BandLine { band, cases, lower_bound, short: (lower_bound.value - cases).max(0) }
                })
                .collect();
            let recovery_beyond_bands = recovery_debts
                .iter()
                .filter(|(row, _)| band_of(row.amount_yen).is_none())
                .map(|(row, _)| row.debt_id.clone())
                .collect();
            let coordinators_row = data.coordinators.iter().find(|c| c.block == block).map(|c| c.count);
            BlockCaps {
                block,
                caps,
                visits,
                recovery,
                recovery_beyond_bands,
                coordinators: limit(COORDINATORS[block.index()], coordinators_row),
            }
        })
        .collect()
}
