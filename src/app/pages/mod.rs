//! One module per page.

pub mod column_mapping;
pub mod import;
pub mod office;
pub mod overview;
pub mod records;
pub mod rule;
