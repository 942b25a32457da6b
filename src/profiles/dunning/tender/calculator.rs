//! The tender page's calculators as data (#15 point 6): each names its
//! clause, its inputs (kind and default) and computes its figures from the
//! fields as typed, so the page draws every calculator with one component
//! and reads nothing itself. The words (title, the seed's sentence, the
//! formula, each input and output) are i18n keys `tender.<code>.*`.

use super::clauses::{self, Fault, RiggingFacts, Subcontract, YearBasis};
use super::price::bid_price;
use crate::core::import::values::{parse_date, parse_percent, parse_yen};
use crate::core::money::Yen;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A calculator of the tender page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Calculator {
    BidPrice,
    NotSigning,
    Termination,
    BidRigging,
    LatePayment,
    DelayCharge,
    Misuse,
    ApplyPayment,
    Settle,
    SettlementLines,
    Reallocation,
    Subcontract,
}

/// What an input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Yen,
    Date,
    Percent,
    Flag,
    /// 365 or actual (the seed is silent: labelled, switchable).
    YearBasis,
    Fault,
}

/// An input: its key (`tender.input.<key>`), kind and default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Input {
    pub key: &'static str,
    pub kind: InputKind,
    pub default: &'static str,
}

/// An [`Input`] as a constant (promoted to `'static`).
macro_rules! input {
    ($key:literal, $kind:ident, $default:literal) => {
        Input { key: $key, kind: InputKind::$kind, default: $default }
    };
}

/// A figure a calculator gives (`tender.output.<key>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    Yen(Yen),
    Days(i64),
    Date(NaiveDate),
    /// Yes or no (needs approval, allowed, …).
    Flag(bool),
}

impl Calculator {
    pub const ALL: &'static [Calculator] = <Calculator as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn inputs(self) -> &'static [Input] {
        match self {
            Calculator::BidPrice => {
                &[input!("contract_amount", Yen, "1000000"), input!("tax_rate", Percent, "8")]
            }
            Calculator::NotSigning => &[input!("bid", Yen, "925926")],
            Calculator::Termination => &[input!("cap", Yen, "108000000")],
            Calculator::BidRigging => &[
                input!("contract_amount", Yen, "108000000"),
                input!("any_item", Flag, "false"),
                input!("conviction", Flag, "false"),
                input!("surcharge_order", Flag, "false"),
                input!("ringleader", Flag, "false"),
                input!("pledge", Flag, "false"),
            ],
            Calculator::LatePayment => &[
                input!("amount", Yen, "100000000"),
                input!("invoice_received", Date, "2028-01-20"),
                input!("paid", Date, "2028-03-10"),
                input!("rate", Percent, "2.8"),
                input!("year_basis", YearBasis, "days365"),
            ],
            Calculator::DelayCharge => &[
                input!("amount", Yen, "21600000"),
                input!("due", Date, "2028-02-01"),
                input!("paid", Date, "2028-03-01"),
                input!("year_basis", YearBasis, "days365"),
            ],
            Calculator::Misuse => &[
                input!("amount", Yen, "2000000"),
                input!("received", Date, "2028-01-31"),
                input!("paid", Date, "2028-04-30"),
                input!("fault", Fault, "deliberate"),
                input!("surcharge_rate", Percent, "2.0"),
                input!("waived", Flag, "false"),
                input!("year_basis", YearBasis, "days365"),
            ],
            Calculator::ApplyPayment => &[
                input!("payment", Yen, "1000"),
                input!("surcharge", Yen, "300"),
                input!("delay", Yen, "200"),
                input!("principal", Yen, "10000"),
            ],
            Calculator::Settle => &[input!("actual", Yen, "98000000"), input!("cap", Yen, "108000000")],
            Calculator::SettlementLines => &[
                input!("project", Yen, "80000000"),
                input!("admin", Yen, "20000000"),
                input!("tax", Yen, "8000000"),
                input!("move_to_project", Yen, "3000000"),
                input!("move_to_admin", Yen, "0"),
                input!("project_spend", Yen, "82500000"),
                input!("admin_spend", Yen, "14800000"),
                input!("tax_spend", Yen, "7784000"),
                input!("paid", Yen, "0"),
            ],
            Calculator::Reallocation => &[
                input!("project", Yen, "80000000"),
                input!("admin", Yen, "20000000"),
                input!("move_first", Yen, "3000000"),
                input!("move_second", Yen, "1500000"),
                input!("cumulative", Flag, "false"),
            ],
            Calculator::Subcontract => &[
                input!("contract_amount", Yen, "108000000"),
                input!("amount", Yen, "400000"),
                input!("whole_work", Flag, "false"),
                input!("management", Flag, "false"),
                input!("printing_or_translation", Flag, "false"),
            ],
        }
    }

    /// The defaults, as the page's fields start.
    pub fn defaults(self) -> Vec<String> {
        self.inputs().iter().map(|i| i.default.to_string()).collect()
    }

    /// The figures for the fields as typed (in [`Calculator::inputs`] order), or
    /// the indices of the fields that do not read.
    pub fn compute(self, fields: &[String]) -> Result<Vec<(&'static str, Figure)>, Vec<usize>> {
        let values = read(self.inputs(), fields)?;
        let (yen, day, pct, flag) = (
            |i: usize| values[i].yen,
            |i: usize| values[i].date,
            |i: usize| values[i].percent,
            |i: usize| values[i].flag,
        );
        let basis = |i: usize| values[i].basis;
        use Figure::{Date, Days, Flag, Yen as Y};
        let out = match self {
            Calculator::BidPrice => {
                let p = bid_price(yen(0), pct(1)).ok_or(vec![1])?;
                vec![
                    ("bid_form_amount", Y(p.bid_form_amount)),
                    ("award_price", Y(p.award_price)),
                    ("shortcut", Y(p.shortcut)),
                ]
            }
            Calculator::NotSigning => vec![("penalty", Y(clauses::not_signing(yen(0))))],
            Calculator::Termination => vec![("penalty", Y(clauses::termination(yen(0))))],
            Calculator::BidRigging => {
                let facts = RiggingFacts {
                    any_item: flag(1),
                    conviction: flag(2),
                    surcharge_order: flag(3),
                    ringleader: flag(4),
                    pledge: flag(5),
                };
                let r = clauses::bid_rigging(yen(0), facts);
                vec![("base", Y(r.base_yen)), ("additional", Y(r.additional_yen)), ("total", Y(r.total_yen))]
            }
            Calculator::LatePayment => {
                let l = clauses::late_payment(yen(0), day(1), day(2), pct(3), basis(4)).ok_or(vec![3])?;
                vec![("due_date", Date(l.due_date)), ("days", Days(l.days)), ("interest", Y(l.interest_yen))]
            }
            Calculator::DelayCharge => {
                let c = clauses::delay_charge(yen(0), day(1), day(2), basis(3)).ok_or(vec![0])?;
                vec![("days", Days((day(2) - day(1)).num_days().max(0))), ("delay_charge", Y(c))]
            }
            Calculator::Misuse => {
                let fault = values[3].fault;
                let s = clauses::misuse_surcharge(yen(0), day(1), day(2), fault, pct(4), flag(5), basis(6))
                    .ok_or(vec![4])?;
                vec![
                    ("repay", Y(yen(0))),
                    ("days", Days((day(2) - day(1)).num_days().max(0))),
                    ("surcharge", Y(s)),
                ]
            }
            Calculator::ApplyPayment => {
                let a = clauses::apply_payment(yen(0), yen(1), yen(2), yen(3));
                vec![
                    ("to_surcharge", Y(a.surcharge_yen)),
                    ("to_delay", Y(a.delay_yen)),
                    ("to_principal", Y(a.principal_yen)),
                    ("left", Y(a.left_yen)),
                ]
            }
            Calculator::Settle => vec![("settled", Y(clauses::settled_amount(yen(0), yen(1))))],
            Calculator::SettlementLines => {
                let lines = clauses::settlement_lines(
                    [yen(0), yen(1), yen(2)],
                    (yen(3), yen(4)),
                    [yen(5), yen(6), yen(7)],
                    yen(8),
                );
                vec![
                    ("project_after", Y(lines.after[0])),
                    ("project_difference", Y(lines.difference[0])),
                    ("admin_after", Y(lines.after[1])),
                    ("admin_difference", Y(lines.difference[1])),
                    ("tax_difference", Y(lines.difference[2])),
                    ("total_cap", Y(lines.total_cap)),
                    ("total_spend", Y(lines.total_spend)),
                    ("settled", Y(lines.settled)),
                    ("refund", Y(lines.refund)),
                    ("move_needs_approval", Flag(lines.move_needs_approval)),
                ]
            }
            Calculator::Reallocation => {
                let r = clauses::reallocation(yen(0), yen(1), &[yen(2), yen(3)], flag(4));
                vec![
                    ("limit", Y(r.limit_yen)),
                    ("first_needs_approval", Flag(r.needs_approval[0])),
                    ("second_needs_approval", Flag(r.needs_approval[1])),
                ]
            }
            Calculator::Subcontract => {
                let c = clauses::subcontract(Subcontract {
                    contract_amount: yen(0),
                    amount: yen(1),
                    whole_work: flag(2),
                    management: flag(3),
                    printing_or_translation: flag(4),
                });
                vec![
                    ("is_subcontract", Flag(c.is_subcontract)),
                    ("forbidden", Flag(c.forbidden)),
                    ("half_or_more", Flag(c.half_or_more)),
                    ("needs_approval", Flag(c.needs_approval)),
                ]
            }
        };
        Ok(out)
    }
}

/// One field read as its kind (the others left at their zero).
#[derive(Debug, Clone, Copy, Default)]
struct Value {
    yen: Yen,
    date: NaiveDate,
    percent: Decimal,
    flag: bool,
    basis: YearBasis,
    fault: Fault,
}

fn read(inputs: &[Input], fields: &[String]) -> Result<Vec<Value>, Vec<usize>> {
    let mut bad = Vec::new();
    let values = inputs
        .iter()
        .enumerate()
        .map(|(i, input)| {
            let text = fields.get(i).map_or("", String::as_str);
            let mut v = Value::default();
            let ok = match input.kind {
                InputKind::Yen => parse_yen(text).map(|y| v.yen = y).is_ok(),
                InputKind::Date => parse_date(text).map(|d| v.date = d).is_ok(),
                InputKind::Percent => parse_percent(text).map(|p| v.percent = p).is_ok(),
                InputKind::Flag => text.parse().map(|f| v.flag = f).is_ok(),
                InputKind::YearBasis => text.parse().map(|b| v.basis = b).is_ok(),
                InputKind::Fault => text.parse().map(|f| v.fault = f).is_ok(),
            };
            if !ok {
                bad.push(i);
            }
            v
        })
        .collect();
    if bad.is_empty() {
        Ok(values)
    } else {
        Err(bad)
    }
}
