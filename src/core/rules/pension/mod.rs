//! Profile A, the national pension contract (digest A2–A9, seed 000 section Ⅱ3).

pub mod achievement;
pub mod activity;
pub mod export;
pub mod overview;
pub mod settlement;
pub mod trajectory;
pub mod waterfall;

pub use achievement::{achievement_fraction, adjustment_curve, adjustment_percent, BandMode};
pub use settlement::{settle, SettleError, SettleOptions, Settlement};
