//! One module per page of the pension contract.

pub mod bid;
pub mod calendar;
pub mod inspection;
pub mod office;
pub mod overview;
pub mod records;
pub mod rule;
pub mod whatif;
