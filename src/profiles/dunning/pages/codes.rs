//! 結果コード: the rates per debt of each block, each with its numerator and
//! denominator (the product's definitions: a debt counts once however many
//! calls it had; a debt with a ⑮ is left out), and the calls and visits per
//! code by block, bureau and month.

use super::super::codes::{code_counts, DebtRates, Share};
use super::super::dataset::DunningDataset;
use crate::core::calendar::format_month;
use crate::core::money::{format_count, format_percent, Exact};
use crate::core::pages::{Block, Style, Table};

/// A rate with its two counts: `40.0% (4 / 10)`.
fn share(x: Share) -> String {
    let value = if x.denominator > 0 {
        format_percent(&Exact::new(i128::from(x.numerator), i128::from(x.denominator)))
    } else {
        "–".into()
    };
    format!("{value} ({} / {})", format_count(x.numerator), format_count(x.denominator))
}

/// The rates of each block given.
pub fn rates(rates: &[DebtRates], s: Style) -> Vec<Block> {
    let rows = rates.iter().map(|r| {
        let name = r.block.map_or_else(|| s.t("cli.total"), |b| b.japanese().to_string());
        let cells = vec![
            name,
            format_count(r.debts_called),
            share(r.contact),
            share(r.contact_by_message_only),
            share(r.promise),
            share(r.refusal),
            share(r.dead_number),
        ];
        (String::new(), cells)
    });
    let id = match rates {
        [one] => format!("dn-rates-{}", one.block.map_or("all", |b| b.code())),
        _ => "dn-rates".to_string(),
    };
    vec![
        Block::Note(s.t("dn.rates.definitions")),
        Block::Table(Table {
            test_id: id,
            headers: s.headers(&[
                "dn.block",
                "dn.rate.called",
                "dn.rate.contact",
                "dn.rate.message_only",
                "dn.rate.promise",
                "dn.rate.refusal",
                "dn.rate.dead_number",
            ]),
            rows: rows.collect(),
        }),
    ]
}

/// Calls per phone code ①–⑮ and visits per visit code ①–⑤, by block, bureau and month.
pub fn counts(data: &DunningDataset, s: Style) -> Vec<Block> {
    const CIRCLED: [&str; 15] = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮"];
    let mut headers = s.headers(&["dn.block", "dn.col.bureau", "dn.report.month"]);
    headers.extend(CIRCLED.iter().map(|c| format!("{} {c}", s.t("dn.col.phone"))));
    headers.extend(CIRCLED[..5].iter().map(|c| format!("{} {c}", s.t("dn.col.visit"))));
    let rows = code_counts(data).into_iter().map(|c| {
        let mut cells = vec![c.block.japanese().to_string(), c.bureau, format_month(c.month, s.dates)];
        cells.extend(c.phone.iter().chain(&c.visit).map(|n| format_count(*n)));
        (String::new(), cells)
    });
    vec![
        Block::Heading(s.t("dn.codes.by_month")),
        Block::Note(s.t("dn.codes.legend")),
        Block::Table(Table { test_id: "dn-code-counts".into(), headers, rows: rows.collect() }),
    ]
}
