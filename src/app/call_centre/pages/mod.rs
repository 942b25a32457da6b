//! The call centre's pages.

mod loader;
pub mod progress;
pub mod quality;
pub mod reports;

use crate::core::money::{format_percent, Exact};

/// A rate or a dash (a zero denominator).
fn percent(rate: Option<Exact>) -> String {
    rate.map_or("–".to_string(), |r| format_percent(&r))
}

/// An exact figure with one decimal (calls per hour).
fn one_decimal(x: Option<Exact>) -> String {
    x.map_or("–".to_string(), |x| format!("{:.1}", crate::core::money::to_decimal(&x, 1)))
}
