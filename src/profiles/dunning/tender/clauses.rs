//! The tender's money clauses (#15 point 6), each beside its sentence of
//! seed 004. Where the seed is silent the assumption is a labelled setting.
//! Fractions of a yen: 国等の債権債務等の金額の端数計算に関する法律 §2 — a
//! sum owed to the state drops them; a sum the state owes under ¥1 counts as
//! ¥1 (and drops them above).

use super::price::TaxRate;
use crate::core::money::Yen;
use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How many days make the year that an annual rate is divided by: the seed
/// does not say. 365 in every year is the default; `Actual` counts each
/// day over its own year's length (366 in a leap year).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum YearBasis {
    #[default]
    #[cfg_attr(feature = "cli", value(name = "365"))]
    Days365,
    Actual,
}

impl YearBasis {
    pub const ALL: &'static [YearBasis] = <YearBasis as strum::VariantArray>::VARIANTS;
}

/// Who owes a sum, which decides its fractions of a yen (端数計算法 §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Debtor {
    /// The state owes it: under ¥1 counts as ¥1, fractions above dropped.
    State,
    /// It is owed to the state: fractions dropped.
    Contractor,
}

/// Interest on `amount` at `rate_percent` a year for the days after `from`
/// up to and including `to` (初日不算入), under `basis`; 0 when `to` is not
/// after `from`.
pub fn interest(
    amount: Yen,
    rate_percent: Decimal,
    from: NaiveDate,
    to: NaiveDate,
    basis: YearBasis,
    debtor: Debtor,
) -> Option<Yen> {
    let days = (to - from).num_days();
    if days <= 0 || amount <= 0 {
        return Some(0);
    }
    let rate = TaxRate::percent(rate_percent)?;
    // Σ over the days of amount × rate ÷ year length, as one exact fraction.
    let (num, den) = match basis {
        YearBasis::Days365 => (i128::from(days), 365i128),
        YearBasis::Actual => {
            let (mut leap, mut common) = (0i128, 0i128);
            let mut day = from.checked_add_days(Days::new(1))?;
            while day <= to {
                let year_end = NaiveDate::from_ymd_opt(day.year(), 12, 31)?;
                let last = year_end.min(to);
                let n = i128::from((last - day).num_days() + 1);
                if day.leap_year() {
                    leap += n
                } else {
                    common += n
                }
                day = last.checked_add_days(Days::new(1))?;
            }
            (leap * 365 + common * 366, 365 * 366)
        }
    };
    let exact_num = i128::from(amount).checked_mul(rate.numer())?.checked_mul(num)?;
    let exact_den = rate.denom().checked_mul(den)?;
    let whole = Yen::try_from(exact_num / exact_den).ok()?;
    Some(match debtor {
        Debtor::State if whole == 0 && exact_num > 0 => 1,
        _ => whole,
    })
}

/// 第14条: the state's late payment. 「適法な請求書を受領した日から30日以内に
/// その支払いを行う」 (第13条4) and 「支払期日の翌日から支払日までの日数に応じ、
/// 当該未払金額に対し2.8%を乗じて計算した金額を遅延利息として」. The seed does
/// not write 年; the rate is read per year (日数に応じ; the Finance Minister's
/// rate notice is annual).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LatePayment {
    pub due_date: NaiveDate,
    pub days: i64,
    pub interest_yen: Yen,
    pub rate_percent: Decimal,
    pub year_basis: YearBasis,
}

/// The state pays within 30 days of a proper invoice.
pub const PAYMENT_DAYS: u64 = 30;

pub fn late_payment(
    amount: Yen,
    invoice_received: NaiveDate,
    paid: NaiveDate,
    rate_percent: Decimal,
    basis: YearBasis,
) -> Option<LatePayment> {
    let due_date = invoice_received.checked_add_days(Days::new(PAYMENT_DAYS))?;
    let days = (paid - due_date).num_days().max(0);
    Some(LatePayment {
        due_date,
        days,
        interest_yen: interest(amount, rate_percent, due_date, paid, basis, Debtor::State)?,
        rate_percent: rate_percent.normalize(),
        year_basis: basis,
    })
}

/// 入札説明書: 「落札した者が契約を締結しない場合は、入札金額の100分の5に
/// 相当する金額を違約金として納めなければならない」: 5 % of the written bid
/// (tax excluded).
pub fn not_signing(bid_form_amount: Yen) -> Yen {
    percent_of(bid_form_amount, 5)
}

/// 第20条: 「違約金として第3条の金額の100分の20に相当する金額を乙に請求する
/// ことができる」: 20 % of the cap (tax included) on any termination under 第19条.
pub fn termination(cap_including_tax: Yen) -> Yen {
    percent_of(cap_including_tax, 20)
}

/// 第35条's conditions: item 4 (a conviction) and the aggravating ones of 2項.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiggingFacts {
    /// 1項 一〜四: any of them holds (an order, a surcharge, a notice, a conviction).
    pub any_item: bool,
    /// 1項四: 刑が確定したとき.
    pub conviction: bool,
    /// 2項一: a surcharge order (課徴金の納付命令) became final.
    pub surcharge_order: bool,
    /// 2項二: the contractor was the ringleader (首謀者).
    pub ringleader: bool,
    /// 2項三: a pledge (誓約書) had been given.
    pub pledge: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rigging {
    /// 100分の10 of the contract amount (after any change), owed whether or not the contract is terminated.
    pub base_yen: Yen,
    /// 100分の5 more (2項).
    pub additional_yen: Yen,
    pub total_yen: Yen,
}

/// 第35条: 「甲が本契約の全部又は一部を解除するか否かにかかわらず … 契約金額の
/// 100分の10」, and under 2項 「契約金額の100分の5に相当する額」 more. Damages
/// above it may still be claimed (4項).
pub fn bid_rigging(contract_amount: Yen, facts: RiggingFacts) -> Rigging {
    let applies = facts.any_item || facts.conviction;
    let base_yen = if applies { percent_of(contract_amount, 10) } else { 0 };
    let aggravated = facts.conviction && (facts.surcharge_order || facts.ringleader || facts.pledge);
    let additional_yen = if aggravated { percent_of(contract_amount, 5) } else { 0 };
    Rigging { base_yen, additional_yen, total_yen: base_yen + additional_yen }
}

/// 第22条1: 「支払期限の翌日から起算して支払のあった日までの日数に応じて、
/// 年5.0%の割合で計算した金額を延滞金として」 on the 第20条 penalty, the
/// 第21条1 damages and late repayments.
pub const DELAY_RATE_PERCENT: Decimal = Decimal::from_parts(50, 0, 0, false, 1);

pub fn delay_charge(amount: Yen, due: NaiveDate, paid: NaiveDate, basis: YearBasis) -> Option<Yen> {
    interest(amount, DELAY_RATE_PERCENT, due, paid, basis, Debtor::Contractor)
}

/// How the misuse of funds came about (第22条2).
#[derive(
    Default,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Fault {
    /// 「故意」: concealment, forged receipts or books.
    #[default]
    Deliberate,
    /// 「重過失」: records lost or destroyed, use unknown.
    GrossNegligence,
    /// 「過失」: only the misused sum is repaid, no 加算金.
    Negligence,
}

/// The most 加算金 a year (第22条2: 「年2.0%の割合で計算した金額の範囲内」).
pub const SURCHARGE_MAX_PERCENT: Decimal = Decimal::from_parts(20, 0, 0, false, 1);

/// 第22条2: the 加算金 on misused funds, from the day after they were
/// received to payment, at a rate the state sets up to 2.0 % a year, and
/// waivable (3項). Plain negligence carries none.
pub fn misuse_surcharge(
    amount: Yen,
    received: NaiveDate,
    paid: NaiveDate,
    fault: Fault,
    rate_percent: Decimal,
    waived: bool,
    basis: YearBasis,
) -> Option<Yen> {
    if rate_percent > SURCHARGE_MAX_PERCENT || rate_percent < Decimal::ZERO {
        return None;
    }
    if fault == Fault::Negligence || waived {
        return Some(0);
    }
    interest(amount, rate_percent, received, paid, basis, Debtor::Contractor)
}

/// A payment applied by 第22条5: 「加算金、延滞金、元本の順」.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    pub surcharge_yen: Yen,
    pub delay_yen: Yen,
    pub principal_yen: Yen,
    /// What is left of the payment once all three are paid.
    pub left_yen: Yen,
}

pub fn apply_payment(payment: Yen, surcharge: Yen, delay: Yen, principal: Yen) -> Applied {
    let mut left = payment.max(0);
    let mut take = |owed: Yen| {
        let paid = left.min(owed.max(0));
        left -= paid;
        paid
    };
    let (surcharge_yen, delay_yen, principal_yen) = (take(surcharge), take(delay), take(principal));
    Applied { surcharge_yen, delay_yen, principal_yen, left_yen: left }
}

/// 第13条3: 「委託費の確定額は、委託事業に要した経費の実支出額と第3条に規定する
/// 委託費の限度額のいずれか低い額」, on the total.
pub fn settled_amount(actual_spend: Yen, cap: Yen) -> Yen {
    actual_spend.min(cap)
}

/// The settlement report's lines (委託事業費精算報告書, 様式第7号: 区分, 委託費の
/// 額, 流用の額, 流用後の委託費の額, 支出額, 差引差額) for 事業費, 管理諸経費 and
/// 消費税, and the fee settled on the total by 第13条3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementLines {
    /// 流用後の委託費の額 per line.
    pub after: [Yen; 3],
    /// 差引差額 per line: after − spend (negative: the line spent more).
    pub difference: [Yen; 3],
    pub total_cap: Yen,
    pub total_spend: Yen,
    /// min(total spend, total cap): 第13条3, on the total.
    pub settled: Yen,
    /// 返還を要する額: what was paid in advance beyond the settled fee.
    pub refund: Yen,
    /// The net move between 事業費 and 管理諸経費 (流用の額) is beyond 20 % of
    /// the smaller line (第6条2項二), so it needed approval.
    pub move_needs_approval: bool,
}

/// `caps` and `spend` in the order 事業費, 管理諸経費, 消費税; `moves` = (moved
/// from 管理諸経費 to 事業費, moved the other way); `paid` what was paid before.
pub fn settlement_lines(caps: [Yen; 3], moves: (Yen, Yen), spend: [Yen; 3], paid: Yen) -> SettlementLines {
    let net = moves.0 - moves.1;
    let after = [caps[0] + net, caps[1] - net, caps[2]];
    let difference = [after[0] - spend[0], after[1] - spend[1], after[2] - spend[2]];
    let total_cap: Yen = caps.iter().sum();
    let total_spend: Yen = spend.iter().sum();
    let settled = settled_amount(total_spend, total_cap);
    let move_needs_approval = reallocation(caps[0], caps[1], &[net.abs()], false).needs_approval[0];
    SettlementLines {
        after,
        difference,
        total_cap,
        total_spend,
        settled,
        refund: (paid - settled).max(0),
        move_needs_approval,
    }
}

/// 第6条2項二: moving money between lines of 「委託費交付内訳」 needs approval
/// unless it stays within 「いずれか少ない額の20%を超えない範囲内」 (tax
/// excluded); exactly 20 % is allowed. Whether repeated moves add up is not
/// written: a labelled switch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reallocation {
    /// 20 % of the smaller line, fractions dropped.
    pub limit_yen: Yen,
    /// Per move: whether it needs approval.
    pub needs_approval: Vec<bool>,
}

pub fn reallocation(line_a: Yen, line_b: Yen, moves: &[Yen], cumulative: bool) -> Reallocation {
    let limit_yen = percent_of(line_a.min(line_b), 20);
    let mut moved: Yen = 0;
    let needs_approval = moves
        .iter()
        .map(|m| {
            moved += m.abs();
            (if cumulative { moved } else { m.abs() }) > limit_yen
        })
        .collect();
    Reallocation { limit_yen, needs_approval }
}

/// 第23条 (and 仕様書 (4)): the whole work may not be subcontracted, nor its
/// 「総合的な企画及び判断並びに業務遂行管理部分」; the subcontracted share is
/// 「原則2分の1未満」; approval is needed 「ただし、当該再委託が50万円未満の場合
/// は、この限りでない」. Printing, interpreting and translating 「再委託には、
/// 当たらない」.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subcontract {
    pub contract_amount: Yen,
    pub amount: Yen,
    pub whole_work: bool,
    pub management: bool,
    pub printing_or_translation: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubcontractCheck {
    /// Printing or translation: not a subcontract at all.
    pub is_subcontract: bool,
    /// The whole work or its management: not allowed.
    pub forbidden: bool,
    /// The share is half or more (原則: a warning, not a ban).
    pub half_or_more: bool,
    pub needs_approval: bool,
}

/// The approval threshold: a subcontract under ¥500,000 needs none.
pub const APPROVAL_FROM_YEN: Yen = 500_000;

pub fn subcontract(s: Subcontract) -> SubcontractCheck {
    let is_subcontract = !s.printing_or_translation;
    SubcontractCheck {
        is_subcontract,
        forbidden: is_subcontract && (s.whole_work || s.management),
        half_or_more: is_subcontract && i128::from(s.amount) * 2 >= i128::from(s.contract_amount),
        needs_approval: is_subcontract && s.amount >= APPROVAL_FROM_YEN,
    }
}

/// ⌊amount × percent / 100⌋ for amount ≥ 0 (a sum owed to the state).
fn percent_of(amount: Yen, percent: i64) -> Yen {
    Yen::try_from(i128::from(amount.max(0)) * i128::from(percent) / 100).unwrap_or(Yen::MAX)
}
