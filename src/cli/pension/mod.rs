//! The pension contract's commands: `settle`, `check`'s report, `plan`, `records`,
//! `duty`, `bench-data`.

pub mod bid_sim;
pub mod calendar;
pub mod plan;
pub mod records;
pub mod settle;
mod terminal_table;
pub mod whatif;
