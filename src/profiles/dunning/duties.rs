//! The timing duties of every debt (seed 004 仕様書 3(1)ア–ウ, the same for each
//! debt kind), checked as of a day. Each rule names the seed's sentence and the
//! switch it reads; a finding is `{debt_id, block, rule, due, done}`.

use super::blocks::{Block, DebtKind};
use super::days::{day_after, months_after, MonthsReading};
use super::slot::{day_kind, Slot};
use crate::core::business_days::HolidayTable;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// 電話督促等 結果コード ①–⑮ (seed 004 結果コード表): ①–⑧ 接触可, ⑨–⑮ 接触不可.
/// ⑩ (債務者家族が応答) counts as a call like any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneCode(pub u8);

impl PhoneCode {
    /// ⑦ 伝言 (message left).
    pub const MESSAGE_LEFT: PhoneCode = PhoneCode(7);
    /// ⑬ 不使用 (number dead): one call ends the duty.
    pub const NUMBER_DEAD: PhoneCode = PhoneCode(13);
    /// ⑮ 連絡中止 (the bureau asked to stop).
    pub const BUREAU_STOP: PhoneCode = PhoneCode(15);

    /// ①–⑮, or `None`.
    pub fn new(n: u8) -> Option<PhoneCode> {
        (1..=15).contains(&n).then_some(PhoneCode(n))
    }

    /// Whether the call spoke to the debtor (①–⑧; ⑦ only under the switch).
    pub fn reached(self, message_left_reaches: bool) -> bool {
        match self.0 {
            7 => message_left_reaches,
            n => n <= 8,
        }
    }
}

/// 所在地確認 結果コード ①–⑤: ① met the debtor, ② absent (note left), ③
/// nameplate differs or missing, ④ derelict house or vacant lot, ⑤ contact found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitCode(pub u8);

impl VisitCode {
    /// ② 不在（連絡票投函）: the only code that keeps the visits going.
    pub const ABSENT: VisitCode = VisitCode(2);

    pub fn new(n: u8) -> Option<VisitCode> {
        (1..=5).contains(&n).then_some(VisitCode(n))
    }
}

/// A call or a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact<C> {
    pub at: NaiveDateTime,
    pub code: C,
}

/// The letter (督促状等) of a debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Letter {
    pub sent: Option<NaiveDate>,
    /// 宛所不明等の理由により…返送: the day it came back.
    pub returned: Option<NaiveDate>,
    /// The bureau stopped the mailing: no letter duty.
    pub mailing_stopped: bool,
}

/// One debt and what was done for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debt {
    pub debt_id: String,
    pub block: Block,
    pub kind: DebtKind,
    /// The day the bureau handed over the list.
    pub handover: NaiveDate,
    /// List column ⑨.
    pub slot: Slot,
    /// List column ⑩ 債務承認書・納付計画が不要 = ○ (三納 and 返 only): no calls are due.
    pub no_plan_needed: bool,
    pub has_phone: bool,
    pub letter: Letter,
    pub calls: Vec<Contact<PhoneCode>>,
    pub visits: Vec<Contact<VisitCode>>,
    /// ※時効等を考慮の上、担当労働局より期間について別途指示する場合あり: the
    /// bureau's own period for the location check, in months.
    pub location_months: Option<u32>,
    /// The day the work ended without a finding due: the debtor's
    /// acknowledgement (債務承認書) or the bureau's stop, whichever came first.
    /// A duty still open that day is no longer owed (a call or visit made
    /// before it is judged as usual).
    pub ended: Option<NaiveDate>,
}

/// The switches the seed leaves open, each with its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Switches {
    /// 1週間経過後: the first call on day 8 (default) or already on day 7.
    pub first_call_day: u32,
    /// ⑮ ends the call duty (default: yes, the bureau asked to stop).
    pub bureau_stop_ends_calls: bool,
    /// Reaching the debtor ends the call duty (default: no, 合計3回 read literally).
    pub reaching_ends_calls: bool,
    /// ⑦ counts as reaching the debtor (default: no, 通話が出来なかった read literally).
    pub message_left_reaches: bool,
    /// A weekday national holiday counts as a weekend for the slot (default: yes).
    pub holidays_as_weekend: bool,
    pub months_reading: MonthsReading,
}

impl Default for Switches {
    fn default() -> Switches {
        Switches {
            first_call_day: 8,
            bureau_stop_ends_calls: true,
            reaching_ends_calls: false,
            message_left_reaches: false,
            holidays_as_weekend: true,
            months_reading: MonthsReading::CivilCode,
        }
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Rule {
    /// 原則2週間以内に…督促状等を作成・発送 (soft: 原則).
    LetterLate,
    /// 督促状等を発送してから1週間経過後.
    FirstCallEarly,
    /// 合計3回の電話連絡(電話番号が不使用の場合は1回), 日を改めて.
    TooFewCalls,
    CallOutsideSlot,
    VisitOutsideSlot,
    /// 未到達による返送又は最終電話連絡から遅くとも2か月以内.
    LocationCheckLate,
    /// 現地調査は…合計3回 (only ② keeps it going); judged once the location
    /// check's period is over.
    TooFewVisits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub debt_id: String,
    pub block: Block,
    pub rule: Rule,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
}

/// Whether calls are due: the letter went out and did not come back, and (三納,
/// 返) column ⑩ is not ○.
fn calls_due(debt: &Debt) -> bool {
    let exempt = debt.no_plan_needed && matches!(debt.kind, DebtKind::ThirdParty | DebtKind::Refund);
    debt.letter.sent.is_some() && debt.letter.returned.is_none() && !debt.letter.mailing_stopped && !exempt
}

/// The call that completes the duty, if any: ⑬ (or ⑮, or reaching the debtor,
/// under the switches) on any call, else the third distinct date.
fn last_required_call(debt: &Debt, s: &Switches) -> Option<NaiveDate> {
    let mut dates = BTreeSet::new();
    let mut calls: Vec<&Contact<PhoneCode>> = debt.calls.iter().collect();
    calls.sort_by_key(|c| c.at);
    for c in calls {
        dates.insert(c.at.date());
        let ends = c.code == PhoneCode::NUMBER_DEAD
            || (s.bureau_stop_ends_calls && c.code == PhoneCode::BUREAU_STOP)
            || (s.reaching_ends_calls && c.code.reached(s.message_left_reaches));
        if ends || dates.len() >= 3 {
            return Some(c.at.date());
        }
    }
    None
}

/// A first call later than the user's threshold: the seed sets no latest
/// day (「1週間経過後」 is a not-before rule), so this is the user's, never a
/// finding of the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlowStart {
    pub debt_id: String,
    pub block: Block,
    /// The day the user expects the first call by: sending + the threshold.
    pub expected: NaiveDate,
    /// The first call, if any.
    pub first_call: Option<NaiveDate>,
}

/// `debt`'s slow start under the user's threshold of `days` after sending,
/// as of `as_of` (none when its calls are not due, or it ended first).
pub fn slow_start(debt: &Debt, days: u32, as_of: NaiveDate) -> Option<SlowStart> {
    if !calls_due(debt) || !debt.has_phone {
        return None;
    }
    let expected = day_after(debt.letter.sent?, days)?;
    let first_call = debt.calls.iter().map(|c| c.at.date()).min();
    let late = match first_call {
        Some(first) => first > expected,
        None => as_of > expected && debt.ended.is_none_or(|e| e > expected),
    };
    late.then(|| SlowStart { debt_id: debt.debt_id.clone(), block: debt.block, expected, first_call })
}

/// Every finding for `debt` as of `as_of`.
pub fn check(debt: &Debt, s: &Switches, holidays: &HolidayTable, as_of: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    let ended_by = |day: NaiveDate| debt.ended.is_some_and(|e| e <= day);
    let mut push = |rule, due, done| {
        out.push(Finding { debt_id: debt.debt_id.clone(), block: debt.block, rule, due, done })
    };
    let letter_due = day_after(debt.handover, 14);
    match (debt.letter.mailing_stopped, debt.letter.sent, letter_due) {
        (false, Some(sent), Some(due)) if sent > due => push(Rule::LetterLate, Some(due), Some(sent)),
        (false, None, Some(due)) if as_of > due => push(Rule::LetterLate, Some(due), None),
        _ => {}
    }
    let first_call = debt.calls.iter().map(|c| c.at.date()).min();
    let earliest = debt.letter.sent.and_then(|sent| day_after(sent, s.first_call_day));
    if calls_due(debt) {
        if let (Some(first), Some(earliest)) = (first_call, earliest) {
            if first < earliest {
                push(Rule::FirstCallEarly, Some(earliest), Some(first));
            }
        }
        let required = last_required_call(debt, s);
        if required.is_none() && debt.has_phone && earliest.is_some_and(|e| as_of >= e) && !ended_by(as_of) {
            push(Rule::TooFewCalls, None, debt.calls.iter().map(|c| c.at.date()).max());
        }
    }
    for c in &debt.calls {
        if !debt.slot.fits(c.at, day_kind(c.at, holidays, s.holidays_as_weekend)) {
            push(Rule::CallOutsideSlot, None, Some(c.at.date()));
        }
    }
    for v in &debt.visits {
        if !debt.slot.fits(v.at, day_kind(v.at, holidays, s.holidays_as_weekend)) {
            push(Rule::VisitOutsideSlot, None, Some(v.at.date()));
        }
    }
    let reached = debt.calls.iter().any(|c| c.code.reached(s.message_left_reaches));
    let trigger = match debt.letter.returned {
        Some(returned) => Some(returned),
        None if calls_due(debt) && debt.has_phone && !reached => last_required_call(debt, s),
        None => None,
    };
    let deadline = trigger.and_then(|t| months_after(t, debt.location_months.unwrap_or(2), s.months_reading));
    let first_visit = debt.visits.iter().map(|v| v.at.date()).min();
    match (deadline, first_visit) {
        (Some(due), Some(first)) if first > due => push(Rule::LocationCheckLate, Some(due), Some(first)),
        (Some(due), None) if as_of > due && !ended_by(due) => push(Rule::LocationCheckLate, Some(due), None),
        _ => {}
    }
    let days: BTreeSet<NaiveDate> = debt.visits.iter().map(|v| v.at.date()).collect();
    let only_absent = debt.visits.iter().all(|v| v.code == VisitCode::ABSENT);
    // Judged once the period is over: before it, a third visit can still come.
    let period_over = deadline.is_none_or(|due| as_of > due);
    if !debt.visits.is_empty() && only_absent && days.len() < 3 && period_over && !ended_by(as_of) {
        push(Rule::TooFewVisits, deadline, days.last().copied());
    }
    out
}
