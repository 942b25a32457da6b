//! One module per page.

pub mod import;
pub mod office;
pub mod overview;
pub mod placeholder;
pub mod rule;
