//! One module per page.

pub mod import;
pub mod overview;
pub mod placeholder;
pub mod rule;
