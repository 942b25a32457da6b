//! The pension contract's commands: `settle`, `check`'s report, `records`,
//! `duty`, `bench-data`.

pub mod records;
pub mod settle;
mod terminal_table;
