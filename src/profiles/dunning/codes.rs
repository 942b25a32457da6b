//! The result codes (seed 004 電話督促等 結果コード表, 所在地確認 結果コード)
//! counted by block, bureau and month, and the rates per debt. The rates are
//! the product's definitions, each with its numerator and denominator: a debt
//! counts once however many calls it had. A debt with a ⑮ (連絡中止: the
//! bureau stopped it) is left out of every denominator.

use super::blocks::Block;
use super::dataset::DunningDataset;
use super::duties::PhoneCode;
use crate::core::calendar::YearMonth;
use serde::Serialize;
use std::collections::BTreeMap;

/// Calls per code ①–⑮ and visits per code ①–⑤ of one block, bureau and month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeCounts {
    pub block: Block,
    pub bureau: String,
    pub month: YearMonth,
    /// `phone[n - 1]`: calls coded n.
    pub phone: [i64; 15],
    /// `visit[n - 1]`: visits coded n.
    pub visit: [i64; 5],
}

/// A rate as its two counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    pub numerator: i64,
    pub denominator: i64,
}

/// The rates per debt of one block (or of all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DebtRates {
    pub block: Option<Block>,
    /// Debts called, without those with a ⑮: every rate's denominator.
    pub debts_called: i64,
    /// 接触可 ①–⑧ on any call.
    pub contact: Share,
    /// Of the contacts, debts reached only by ⑦ 伝言 (flagged: a message is not a talk).
    pub contact_by_message_only: Share,
    /// ② 納付予定.
    pub promise: Share,
    /// ④ 納付拒否.
    pub refusal: Share,
    /// ⑬ 不使用.
    pub dead_number: Share,
}

/// Calls per phone code and visits per visit code.
type Tally = ([i64; 15], [i64; 5]);

/// Every block × bureau × month with a call or a visit, in that order.
pub fn code_counts(data: &DunningDataset) -> Vec<CodeCounts> {
    let place: BTreeMap<&str, (Block, &str)> =
        data.debts.iter().map(|d| (d.debt_id.as_str(), (d.block, d.bureau.as_str()))).collect();
    let mut counts: BTreeMap<(Block, &str, YearMonth), Tally> = BTreeMap::new();
    for c in &data.calls {
        if let Some(&(block, bureau)) = place.get(c.debt_id.as_str()) {
            counts.entry((block, bureau, YearMonth::of(c.contact.at.date()))).or_default().0
                [usize::from(c.contact.code.0) - 1] += 1;
        }
    }
    for v in &data.visits {
        if let Some(&(block, bureau)) = place.get(v.debt_id.as_str()) {
            counts.entry((block, bureau, YearMonth::of(v.contact.at.date()))).or_default().1
                [usize::from(v.contact.code.0) - 1] += 1;
        }
    }
    counts
        .into_iter()
        .map(|((block, bureau, month), (phone, visit))| CodeCounts {
            block,
            bureau: bureau.to_string(),
            month,
            phone,
            visit,
        })
        .collect()
}

/// The rates per debt for `block` (`None`: all blocks).
pub fn debt_rates(data: &DunningDataset, block: Option<Block>) -> DebtRates {
    let debts = data.debts_with_work();
    let called: Vec<Vec<PhoneCode>> = debts
        .iter()
        .filter(|(row, debt)| block.is_none_or(|b| row.block == b) && !debt.calls.is_empty())
        .map(|(_, debt)| debt.calls.iter().map(|c| c.code).collect::<Vec<_>>())
        .filter(|codes| !codes.contains(&PhoneCode::BUREAU_STOP))
        .collect();
    let denominator = called.len() as i64;
    let share = |hit: &dyn Fn(&[PhoneCode]) -> bool| Share {
        numerator: called.iter().filter(|codes| hit(codes)).count() as i64,
        denominator,
    };
    let contact = |c: &PhoneCode| (1..=8).contains(&c.0);
    let talked = |c: &PhoneCode| contact(c) && *c != PhoneCode::MESSAGE_LEFT;
    let contacts = share(&|codes| codes.iter().any(contact));
    DebtRates {
        block,
        debts_called: denominator,
        contact: contacts,
        contact_by_message_only: Share {
            numerator: called
                .iter()
                .filter(|codes| codes.iter().any(contact) && !codes.iter().any(talked))
                .count() as i64,
            denominator: contacts.numerator,
        },
        promise: share(&|codes| codes.contains(&PhoneCode(2))),
        refusal: share(&|codes| codes.contains(&PhoneCode(4))),
        dead_number: share(&|codes| codes.contains(&PhoneCode::NUMBER_DEAD)),
    }
}
