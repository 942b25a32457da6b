//! The tender (seed 004, digest C "Bidding" and "Money clauses"): the bid to
//! write for a contract amount, the price build-up from volumes and unit
//! costs, and the clauses that carry money. Pure arithmetic in integers.

pub mod buildup;
pub mod calculator;
pub mod clauses;
pub mod form;
pub mod price;
