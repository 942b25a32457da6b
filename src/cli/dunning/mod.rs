//! The workers'-compensation tender's commands (#15): `bid-price` (the bid to
//! write for a contract amount, or a whole build-up) and `clause` (the money
//! clauses, one subcommand each). JSON or a short table.

pub mod work;

use crate::cli::output::{emit, Output};
use crate::cli::parse_day;
use crate::profiles::dunning::tender::buildup::{build_up, BuildUpInput};
use crate::profiles::dunning::tender::clauses::{self, Fault, RiggingFacts, Subcontract, YearBasis};
use crate::profiles::dunning::tender::price::bid_price;
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum TenderFormat {
    Json,
    Table,
}

#[derive(clap::Args)]
pub struct BidPriceArgs {
    /// The contract amount, tax included (見積もった契約金額).
    #[arg(long, required_unless_present = "build")]
    contract_amount: Option<i64>,
    /// A price build-up (JSON: block, unit_costs, volumes, admin_percent, tax_rate_percent).
    #[arg(long, conflicts_with = "contract_amount")]
    build: Option<PathBuf>,
    /// The tax the award adds, in percent (the seed's 8; 10 today).
    #[arg(long, default_value = "8")]
    tax_rate: Decimal,
    #[arg(long, value_enum, default_value = "table")]
    format: TenderFormat,
}

#[derive(clap::Args)]
pub struct ClauseArgs {
    #[command(subcommand)]
    clause: Clause,
    #[arg(long, value_enum, default_value = "table", global = true)]
    format: TenderFormat,
}

#[derive(Subcommand)]
enum Clause {
    /// 第14条: the state's late payment (due 30 days after a proper invoice).
    LatePayment {
        #[arg(long)]
        amount: i64,
        #[arg(long, value_parser = parse_day)]
        invoice_received: NaiveDate,
        #[arg(long, value_parser = parse_day)]
        paid: NaiveDate,
        /// Percent a year (the seed's 2.8; the seed does not write 年).
        #[arg(long, default_value = "2.8")]
        rate: Decimal,
        /// 365 days in every year (default), or each day over its own year's length.
        #[arg(long, value_enum, default_value = "365")]
        year_basis: YearBasis,
    },
    /// Not signing after winning: 5 % of the written bid.
    NotSigning {
        #[arg(long)]
        bid: i64,
    },
    /// 第20条: 20 % of the cap (tax included) on a termination under 第19条.
    Termination {
        #[arg(long)]
        cap: i64,
    },
    /// 第35条: bid rigging, 10 % of the contract amount, 5 % more when aggravated.
    BidRigging {
        #[arg(long)]
        contract_amount: i64,
        /// 1項 一〜三 holds (an order, a surcharge or a notice).
        #[arg(long)]
        any_item: bool,
        /// 1項四: a conviction is final.
        #[arg(long)]
        conviction: bool,
        #[arg(long)]
        surcharge_order: bool,
        #[arg(long)]
        ringleader: bool,
        #[arg(long)]
        pledge: bool,
    },
    /// 第22条1: 延滞金 at 5.0 % a year on a penalty or damages paid late.
    DelayCharge {
        #[arg(long)]
        amount: i64,
        #[arg(long, value_parser = parse_day)]
        due: NaiveDate,
        #[arg(long, value_parser = parse_day)]
        paid: NaiveDate,
        #[arg(long, value_enum, default_value = "365")]
        year_basis: YearBasis,
    },
    /// 第22条2: 加算金 on misused funds (up to 2.0 % a year; none for plain negligence).
    Misuse {
        #[arg(long)]
        amount: i64,
        #[arg(long, value_parser = parse_day)]
        received: NaiveDate,
        #[arg(long, value_parser = parse_day)]
        paid: NaiveDate,
        #[arg(long, value_enum)]
        fault: Fault,
        #[arg(long, default_value = "2.0")]
        rate: Decimal,
        #[arg(long)]
        waived: bool,
        #[arg(long, value_enum, default_value = "365")]
        year_basis: YearBasis,
    },
    /// 第22条5: a payment applied to 加算金, then 延滞金, then the principal.
    ApplyPayment {
        #[arg(long)]
        payment: i64,
        #[arg(long, default_value_t = 0)]
        surcharge: i64,
        #[arg(long, default_value_t = 0)]
        delay: i64,
        #[arg(long)]
        principal: i64,
    },
    /// 第13条3: the settled amount, min(actual spend, cap).
    Settle {
        #[arg(long)]
        actual: i64,
        #[arg(long)]
        cap: i64,
    },
    /// 第13条3 with the settlement report's lines (様式第7号): per line the cap
    /// after moves and the difference, the fee settled on the total, the refund.
    SettlementLines {
        /// 事業費, 管理諸経費, 消費税: the caps (委託費の額).
        #[arg(long, num_args = 3, value_names = ["PROJECT", "ADMIN", "TAX"], required = true)]
        caps: Vec<i64>,
        /// The same lines' spend (支出額).
        #[arg(long, num_args = 3, value_names = ["PROJECT", "ADMIN", "TAX"], required = true)]
        spend: Vec<i64>,
        /// Moved from 管理諸経費 to 事業費.
        #[arg(long, default_value_t = 0)]
        move_to_project: i64,
        /// Moved from 事業費 to 管理諸経費.
        #[arg(long, default_value_t = 0)]
        move_to_admin: i64,
        /// Paid in advance (概算払).
        #[arg(long, default_value_t = 0)]
        paid: i64,
    },
    /// 第6条2項二: moves between 事業費 and 管理諸経費 within 20 % of the smaller.
    Reallocation {
        #[arg(long)]
        project: i64,
        #[arg(long)]
        admin: i64,
        /// A move in yen (repeat for several).
        #[arg(long = "move", required = true)]
        moves: Vec<i64>,
        /// Count the moves together against the limit (a reading the seed leaves open).
        #[arg(long)]
        cumulative: bool,
    },
    /// 第23条: whether a subcontract is allowed, and needs approval.
    Subcontract {
        #[arg(long)]
        contract_amount: i64,
        #[arg(long)]
        amount: i64,
        #[arg(long)]
        whole_work: bool,
        #[arg(long)]
        management: bool,
        /// Printing, interpreting or translating: not a subcontract.
        #[arg(long)]
        printing_or_translation: bool,
    },
}

fn print(value: impl Serialize, format: TenderFormat) -> ExitCode {
    let value = serde_json::to_value(value).unwrap_or_default();
    let text = match format {
        TenderFormat::Json => serde_json::to_string_pretty(&value).unwrap_or_default() + "\n",
        TenderFormat::Table => table(&value),
    };
    emit(Output::Text(text), None)
}

/// `key  value` lines of a flat JSON object.
fn table(value: &serde_json::Value) -> String {
    let Some(map) = value.as_object() else { return format!("{value}\n") };
    let width = map.keys().map(|k| k.len()).max().unwrap_or(0);
    map.iter().map(|(k, v)| format!("{k:width$}  {}\n", v.to_string().trim_matches('"'))).collect()
}

fn refuse(what: &str) -> ExitCode {
    eprintln!("error: {what}");
    ExitCode::from(2)
}

pub fn bid_price_command(args: &BidPriceArgs) -> ExitCode {
    if let Some(path) = &args.build {
        let read = std::fs::read_to_string(path).map_err(|e| e.to_string());
        let input = read.and_then(|t| serde_json::from_str::<BuildUpInput>(&t).map_err(|e| e.to_string()));
        return match input.map(|i| build_up(&i)) {
            Ok(Ok(b)) => print(b, TenderFormat::Json),
            Ok(Err(e)) => refuse(&format!("{}: {e:?}", path.display())),
            Err(e) => refuse(&format!("{}: {e}", path.display())),
        };
    }
    match args.contract_amount.and_then(|a| bid_price(a, args.tax_rate)) {
        Some(p) => print(p, args.format),
        None => refuse("the contract amount must be 0 or more and the tax rate 0–100 %"),
    }
}

pub fn clause_command(args: &ClauseArgs) -> ExitCode {
    let f = args.format;
    let done = |v: Option<serde_json::Value>| match v {
        Some(v) => print(v, f),
        None => refuse("an amount or a rate is out of range (the 加算金 rate is at most 2.0 %)"),
    };
    match &args.clause {
        Clause::LatePayment { amount, invoice_received, paid, rate, year_basis } => done(
            clauses::late_payment(*amount, *invoice_received, *paid, *rate, *year_basis).map(|l| json!(l)),
        ),
        Clause::NotSigning { bid } => {
            done(Some(json!({ "bid_yen": bid, "penalty_yen": clauses::not_signing(*bid) })))
        }
        Clause::Termination { cap } => {
            done(Some(json!({ "cap_yen": cap, "penalty_yen": clauses::termination(*cap) })))
        }
        Clause::BidRigging { contract_amount, any_item, conviction, surcharge_order, ringleader, pledge } => {
            let facts = RiggingFacts {
                any_item: *any_item,
                conviction: *conviction,
                surcharge_order: *surcharge_order,
                ringleader: *ringleader,
                pledge: *pledge,
            };
            done(Some(json!(clauses::bid_rigging(*contract_amount, facts))))
        }
        Clause::DelayCharge { amount, due, paid, year_basis } => {
            let charge = clauses::delay_charge(*amount, *due, *paid, *year_basis);
            done(charge.map(|c| json!({ "days": (*paid - *due).num_days().max(0), "delay_charge_yen": c })))
        }
        Clause::Misuse { amount, received, paid, fault, rate, waived, year_basis } => {
            let s = clauses::misuse_surcharge(*amount, *received, *paid, *fault, *rate, *waived, *year_basis);
            done(s.map(|s| json!({ "repay_yen": amount, "surcharge_yen": s, "days": (*paid - *received).num_days().max(0) })))
        }
        Clause::ApplyPayment { payment, surcharge, delay, principal } => {
            done(Some(json!(clauses::apply_payment(*payment, *surcharge, *delay, *principal))))
        }
        Clause::Settle { actual, cap } => {
            done(Some(json!({ "settled_yen": clauses::settled_amount(*actual, *cap) })))
        }
        Clause::SettlementLines { caps, spend, move_to_project, move_to_admin, paid } => {
            let three = |v: &[i64]| [v[0], v[1], v[2]];
            let lines = clauses::settlement_lines(
                three(caps),
                (*move_to_project, *move_to_admin),
                three(spend),
                *paid,
            );
            done(Some(json!(lines)))
        }
        Clause::Reallocation { project, admin, moves, cumulative } => {
            done(Some(json!(clauses::reallocation(*project, *admin, moves, *cumulative))))
        }
        Clause::Subcontract { contract_amount, amount, whole_work, management, printing_or_translation } => {
            let s = Subcontract {
                contract_amount: *contract_amount,
                amount: *amount,
                whole_work: *whole_work,
                management: *management,
                printing_or_translation: *printing_or_translation,
            };
            done(Some(json!(clauses::subcontract(s))))
        }
    }
}
