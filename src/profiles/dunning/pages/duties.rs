//! 督促業務の期限: every finding listed per debt and counted per block, each
//! rule beside the seed's sentence, with the switches in force (the readings
//! the seed leaves open, digest C).

use super::super::duties::{Finding, Rule, SlowStart, Switches};
use super::Region;
use crate::core::calendar::format_date;
use crate::core::export::{Cell, Sheet};
use crate::core::i18n::{msg, text, Lang};
use crate::core::money::format_count;
use crate::core::pages::{Block, Style, Table};
use strum::VariantArray;

/// The rule's code (`letter_late`), as `shuno duties` writes it.
pub fn rule_code(rule: Rule) -> &'static str {
    rule.into()
}

/// Findings per block and rule, with a total per block.
pub fn counts(found: &[Finding], regions: &[Region], s: Style) -> Vec<Block> {
    let mut headers = vec![s.t("dn.block")];
    headers.extend(Rule::VARIANTS.iter().map(|r| s.t(&format!("dn.rule.{}", rule_code(*r)))));
    headers.push(s.t("cli.total"));
    let rows = regions.iter().map(|&region| {
        let mine: Vec<&Finding> = found.iter().filter(|f| f.block == region).collect();
        let mut cells = vec![region.japanese().to_string()];
        cells.extend(
            Rule::VARIANTS.iter().map(|r| format_count(mine.iter().filter(|f| f.rule == *r).count() as i64)),
        );
        cells.push(format_count(mine.len() as i64));
        (String::new(), cells)
    });
    let id = match regions {
        [one] => format!("dn-duty-counts-{}", one.code()),
        _ => "dn-duty-counts".to_string(),
    };
    vec![Block::Table(Table { test_id: id, headers, rows: rows.collect() })]
}

/// Each switch and the reading in force.
fn switches(w: &Switches, s: Style) -> Vec<String> {
    let yes_no = |on: bool| s.t(if on { "dn.switch.yes" } else { "dn.switch.no" });
    let months = format!("dn.switch.months.{}", <&str>::from(w.months_reading));
    vec![
        format!("{}: {}", s.t("dn.switch.first_call_day"), w.first_call_day),
        format!("{}: {}", s.t("dn.switch.bureau_stop_ends_calls"), yes_no(w.bureau_stop_ends_calls)),
        format!("{}: {}", s.t("dn.switch.reaching_ends_calls"), yes_no(w.reaching_ends_calls)),
        format!("{}: {}", s.t("dn.switch.message_left_reaches"), yes_no(w.message_left_reaches)),
        format!("{}: {}", s.t("dn.switch.holidays_as_weekend"), yes_no(w.holidays_as_weekend)),
        format!("{}: {}", s.t("dn.switch.months"), s.t(&months)),
    ]
}

/// The duty page: the switches in force, the counts, each rule with the
/// seed's sentence, and the list per debt (a row's class is its rule's code;
/// 原則 makes a late letter a warning).
pub fn page(found: &[Finding], regions: &[Region], w: &Switches, s: Style) -> Vec<Block> {
    let rules = Rule::VARIANTS.iter().map(|r| {
        let code = rule_code(*r);
        format!("{} ({code}): {}", s.t(&format!("dn.rule.{code}")), s.t(&format!("dn.rule.{code}.seed")))
    });
    let day = |d: Option<chrono::NaiveDate>| d.map_or("–".to_string(), |d| format_date(d, s.dates));
    let list = found.iter().map(|f| {
        let code = rule_code(f.rule);
        let class = if f.rule == Rule::LetterLate { format!("{code} warning") } else { code.to_string() };
        let cells = vec![
            f.debt_id.clone(),
            f.block.japanese().to_string(),
            s.t(&format!("dn.rule.{code}")),
            day(f.due),
            day(f.done),
        ];
        (class, cells)
    });
    let mut out = vec![
        Block::Heading(s.t("dn.switches")),
        Block::List { test_id: "dn-switches".into(), items: switches(w, s) },
    ];
    out.push(Block::Heading(s.t("dn.duties.counts")));
    out.extend(counts(found, regions, s));
    out.push(Block::Heading(s.t("dn.duties.rules")));
    out.push(Block::List { test_id: "dn-rules".into(), items: rules.collect() });
    out.push(Block::Heading(format!("{} ({})", s.t("dn.duties.list"), format_count(found.len() as i64))));
    out.push(Block::Table(Table {
        test_id: "dn-duty-list".into(),
        headers: s.headers(&["dn.col.debt_id", "dn.block", "dn.col.rule", "dn.col.due", "dn.col.done"]),
        rows: list.collect(),
    }));
    out
}

/// The debts whose first call came later than the user's threshold, labelled
/// as the user's (not a rule of the contract).
pub fn slow_starts(late: &[SlowStart], days: u32, s: Style) -> Vec<Block> {
    let rows = late.iter().map(|l| {
        let first = l.first_call.map_or("–".to_string(), |d| format_date(d, s.dates));
        let cells =
            vec![l.debt_id.clone(), l.block.japanese().to_string(), format_date(l.expected, s.dates), first];
        ("slow_start".to_string(), cells)
    });
    vec![
        Block::Heading(format!("{} ({})", s.t("dn.slow_start"), format_count(late.len() as i64))),
        Block::Note(msg("dn.slow_start.rule").arg("days", days).render(s.lang)),
        Block::Table(Table {
            test_id: "dn-slow-starts".into(),
            headers: s.headers(&["dn.col.debt_id", "dn.block", "dn.col.expected", "dn.col.first_call"]),
            rows: rows.collect(),
        }),
    ]
}

/// The duty list for CSV and Excel: the rule by its code, as `shuno duties`.
pub fn sheet(found: &[Finding], lang: Lang) -> Sheet {
    let t = |key: &str| text(key, lang);
    let day = |d: Option<chrono::NaiveDate>| d.map_or(Cell::Empty, Cell::Date);
    Sheet {
        name: t("dn.duties.list"),
        headers: ["dn.col.debt_id", "dn.block", "dn.col.rule", "dn.col.due", "dn.col.done"]
            .iter()
            .map(|k| t(k))
            .collect(),
        rows: found
            .iter()
            .map(|f| {
                vec![
                    Cell::string(f.debt_id.clone()),
                    Cell::string(f.block.japanese()),
                    Cell::string(rule_code(f.rule)),
                    day(f.due),
                    day(f.done),
                ]
            })
            .collect(),
    }
}
