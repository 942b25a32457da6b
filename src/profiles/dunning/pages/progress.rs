//! 進捗: per block, the debts worked against the yearly caps (they count
//! debts, not debtors, and may be exceeded by agreement: shown, not refused),
//! the visits against the 【参考値】 (an estimate, not a cap), the recovery
//! cases against the lower bounds per amount band, the coordinators; and per
//! bureau, what was done.

use super::super::blocks::{DebtKind, Work};
use super::super::caps::{BlockCaps, Limit};
use super::super::dataset::{DebtRow, DunningDataset};
use super::super::duties::Debt;
use super::super::reports::bureaus;
use super::regions;
use crate::core::money::{format_count, format_yen};
use crate::core::pages::{Block, Style, Table};
use std::collections::HashSet;

/// A figure of the tables, marked when the user's table replaced the seed's.
fn limit(l: Limit, s: Style) -> String {
    if l.edited {
        format!("{} ({})", format_count(l.value), s.t("dn.edited"))
    } else {
        format_count(l.value)
    }
}

/// One block's caps, visits, recovery bands and coordinators.
pub fn block_caps(c: Option<&BlockCaps>, s: Style) -> Vec<Block> {
    let Some(c) = c else { return Vec::new() };
    let code = c.block.code();
    let caps = c.caps.iter().map(|l| {
        let class = if l.left < 0 { "over" } else { "" };
        let cells = vec![
            format!("{} {}", l.kind.japanese(), s.t(&format!("dn.work.{}", l.work.code()))),
            format_count(l.worked),
            limit(l.cap, s),
            format_count(l.left),
        ];
        (class.to_string(), cells)
    });
    let visits = c.visits.iter().map(|v| {
        (
            String::new(),
            vec![v.kind.japanese().to_string(), format_count(v.visits), format_count(v.reference)],
        )
    });
    let bands = c.recovery.iter().map(|b| {
        let class = if b.short > 0 { "short" } else { "" };
        let cells =
            vec![b.band.to_string(), format_count(b.cases), limit(b.lower_bound, s), format_count(b.short)];
        (class.to_string(), cells)
    });
    let mut out = vec![
        Block::Table(Table {
            test_id: format!("dn-caps-{code}"),
            headers: s.headers(&["dn.col.kind_work", "dn.col.worked", "dn.col.cap", "dn.col.left"]),
            rows: caps.collect(),
        }),
        Block::Table(Table {
            test_id: format!("dn-visits-{code}"),
            headers: s.headers(&["dn.col.kind", "dn.col.visits", "dn.col.reference"]),
            rows: visits.collect(),
        }),
        Block::Table(Table {
            test_id: format!("dn-bands-{code}"),
            headers: s.headers(&["dn.col.band", "dn.col.cases", "dn.col.lower_bound", "dn.col.short"]),
            rows: bands.collect(),
        }),
        Block::Note(format!("{}: {}", s.t("dn.coordinators"), limit(c.coordinators, s))),
    ];
    if !c.recovery_beyond_bands.is_empty() {
        out.push(Block::Status {
            text: format!("{}: {}", s.t("dn.beyond_bands"), c.recovery_beyond_bands.join(", ")),
            class: "missed".into(),
        });
    }
    out
}

/// A block's caps for a slide: a row per debt kind, a column per work, each
/// cell "worked / cap" (the page has the full tables).
pub fn slide_caps(c: Option<&BlockCaps>, s: Style) -> Vec<Block> {
    let Some(c) = c else { return Vec::new() };
    let mut headers = vec![s.t("dn.col.kind")];
    headers.extend(Work::ALL.iter().map(|w| s.t(&format!("dn.work.{}", w.code()))));
    let rows = DebtKind::ALL.iter().map(|&kind| {
        let mut cells = vec![kind.japanese().to_string()];
        let lines = c.caps.iter().filter(|l| l.kind == kind);
        cells.extend(lines.map(|l| format!("{} / {}", format_count(l.worked), limit(l.cap, s))));
        let over = c.caps.iter().any(|l| l.kind == kind && l.left < 0);
        (if over { "over" } else { "" }.to_string(), cells)
    });
    let short: i64 = c.recovery.iter().map(|b| b.short).sum();
    vec![
        Block::Table(Table {
            test_id: format!("dn-slide-caps-{}", c.block.code()),
            headers,
            rows: rows.collect(),
        }),
        Block::Note(format!(
            "{}: {} · {}: {}",
            s.t("dn.slide.recovery_short"),
            format_count(short),
            s.t("dn.coordinators"),
            limit(c.coordinators, s)
        )),
    ]
}

/// Per bureau of the block: debts, letters sent, debts called and visited,
/// and the yen recovered.
fn bureau_table(data: &DunningDataset, debts: &[(&DebtRow, Debt)], block: super::Region, s: Style) -> Block {
    let rows = bureaus(data, block).into_iter().map(|bureau| {
        let mine: Vec<_> =
            debts.iter().filter(|(row, _)| row.block == block && row.bureau == bureau).collect();
        let count =
            |f: &dyn Fn(&Debt) -> bool| format_count(mine.iter().filter(|(_, d)| f(d)).count() as i64);
        let ids: HashSet<&str> = mine.iter().map(|(row, _)| row.debt_id.as_str()).collect();
        let recovered: i64 =
            data.recoveries.iter().filter(|r| ids.contains(r.debt_id.as_str())).map(|r| r.yen).sum();
        let cells = vec![
            bureau.clone(),
            format_count(mine.len() as i64),
            count(&|d| d.letter.sent.is_some()),
            count(&|d| !d.calls.is_empty()),
            count(&|d| !d.visits.is_empty()),
            format_yen(recovered),
        ];
        (String::new(), cells)
    });
    Block::Table(Table {
        test_id: format!("dn-bureaus-{}", block.code()),
        headers: s.headers(&[
            "dn.col.bureau",
            "dn.col.debts",
            "dn.work.letters",
            "dn.work.phone_notices",
            "dn.work.location_checks",
            "dn.col.recovered",
        ]),
        rows: rows.collect(),
    })
}

/// Every block with a debt: its bureaus, then its tables.
pub fn page(data: &DunningDataset, debts: &[(&DebtRow, Debt)], caps: &[BlockCaps], s: Style) -> Vec<Block> {
    let mut out = vec![Block::Note(s.t("dn.caps.rule"))];
    for block in regions(data) {
        out.push(Block::Heading(format!("{} {}", block.japanese(), s.t("dn.block"))));
        out.push(bureau_table(data, debts, block, s));
        out.extend(block_caps(caps.iter().find(|c| c.block == block), s));
    }
    out
}
