//! Profile A's rules (digest A2–A9, seed 000 section Ⅱ3): achievement bands, the
//! settlement of a period, activity against plan.

pub mod achievement;
pub mod activity;
pub mod settlement;

pub use achievement::{achievement_fraction, adjustment_curve, adjustment_percent, BandMode};
pub use settlement::{settle, SettleError, SettleOptions, Settlement};
