//! What profile C's accepted rows make: the debts and, per debt, what was done
//! and what ended the work; and the rows that replace the seed's yearly
//! tables. Every row keeps its origin (file and line). No debtor's name,
//! address or number is read: the list's 債権番号 is the only key.

use super::blocks::{Block, DebtKind, Work};
use super::duties::{Contact, Debt, Letter, PhoneCode, VisitCode};
use super::slot::Slot;
use crate::core::origin::Origin;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One debt of a bureau's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtRow {
    pub debt_id: String,
    pub block: Block,
    /// The bureau's prefecture ("東京" for 東京労働局).
    pub bureau: String,
    pub kind: DebtKind,
    /// ⑧ 債権現在額.
    pub amount_yen: i64,
    pub handover: NaiveDate,
    /// ⑨ 電話連絡及び現地調査実施時間帯区分.
    pub slot: Slot,
    /// ⑦ 債務者電話番号 is filled (the number itself is not read).
    pub has_phone: bool,
    /// ⑩ 債務承認書・納付計画が不要 = ○ (三納, 返).
    pub no_plan_needed: bool,
    /// 費 ⑩ 債権種別 A–D (which form the letter uses).
    pub cost_form: Option<char>,
    /// 費 ⑫ 徴収理由 A–E.
    pub cost_reason: Option<char>,
    /// Handed over for 債権回収業務 as well (三納 of ¥1,000,000 or more).
    pub recovery: bool,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterRow {
    pub debt_id: String,
    pub letter: Letter,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRow<C> {
    pub debt_id: String,
    pub contact: Contact<C>,
    pub origin: Origin,
}

/// A dated event on a debt: an acknowledgement, a bureau stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedRow {
    pub debt_id: String,
    pub date: NaiveDate,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryRow {
    pub debt_id: String,
    pub date: NaiveDate,
    pub yen: i64,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRow {
    pub debt_id: String,
    pub months: u32,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapRow {
    pub block: Block,
    pub kind: DebtKind,
    pub work: Work,
    pub cap: i64,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundRow {
    pub block: Block,
    /// 0–3: 100～300万円 … 1000～3000万円.
    pub band: usize,
    pub lower_bound: i64,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorRow {
    pub block: Block,
    pub count: i64,
    pub origin: Origin,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DunningDataset {
    pub debts: Vec<DebtRow>,
    pub letters: Vec<LetterRow>,
    pub calls: Vec<ContactRow<PhoneCode>>,
    pub visits: Vec<ContactRow<VisitCode>>,
    pub acknowledgements: Vec<DatedRow>,
    pub recoveries: Vec<RecoveryRow>,
    pub bureau_stops: Vec<DatedRow>,
    pub location_periods: Vec<PeriodRow>,
    pub caps: Vec<CapRow>,
    pub recovery_bounds: Vec<BoundRow>,
    pub coordinators: Vec<CoordinatorRow>,
}

impl DunningDataset {
    /// Adds a later file's rows.
    pub fn append(&mut self, other: DunningDataset) {
        self.debts.extend(other.debts);
        self.letters.extend(other.letters);
        self.calls.extend(other.calls);
        self.visits.extend(other.visits);
        self.acknowledgements.extend(other.acknowledgements);
        self.recoveries.extend(other.recoveries);
        self.bureau_stops.extend(other.bureau_stops);
        self.location_periods.extend(other.location_periods);
        self.caps.extend(other.caps);
        self.recovery_bounds.extend(other.recovery_bounds);
        self.coordinators.extend(other.coordinators);
    }

    /// Each debt with what was done for it, in the list's order.
    pub fn debts_with_work(&self) -> Vec<(&DebtRow, Debt)> {
        let index: HashMap<&str, usize> =
            self.debts.iter().enumerate().map(|(i, d)| (d.debt_id.as_str(), i)).collect();
        let mut debts: Vec<Debt> = self
            .debts
            .iter()
            .map(|d| Debt {
                debt_id: d.debt_id.clone(),
                block: d.block,
                kind: d.kind,
                handover: d.handover,
                slot: d.slot,
                no_plan_needed: d.no_plan_needed,
                has_phone: d.has_phone,
                letter: Letter::default(),
                calls: Vec::new(),
                visits: Vec::new(),
                location_months: None,
                ended: None,
            })
            .collect();
        let at = |id: &str| index.get(id).copied();
        for l in &self.letters {
            if let Some(i) = at(&l.debt_id) {
                debts[i].letter = l.letter;
            }
        }
        for c in &self.calls {
            if let Some(i) = at(&c.debt_id) {
                debts[i].calls.push(c.contact);
            }
        }
        for v in &self.visits {
            if let Some(i) = at(&v.debt_id) {
                debts[i].visits.push(v.contact);
            }
        }
        for p in &self.location_periods {
            if let Some(i) = at(&p.debt_id) {
                debts[i].location_months = Some(p.months);
            }
        }
        let endings = self.acknowledgements.iter().chain(&self.bureau_stops).map(|e| (&e.debt_id, e.date));
        for (id, date) in endings {
            if let Some(i) = at(id) {
                debts[i].ended = Some(debts[i].ended.map_or(date, |d: NaiveDate| d.min(date)));
            }
        }
        self.debts.iter().zip(debts).collect()
    }
}
