//! Profile A's rules (digest A2–A9, seed 000 section Ⅱ3 and ⅩⅢ): achievement
//! bands, the settlement of a period, activity against plan, the monthly
//! inspection and what it takes to recover.

pub mod achievement;
pub mod activity;
pub mod activity_check;
pub mod effort;
pub mod evaluate;
pub mod flags;
pub mod inspection;
pub mod model;
pub mod projection;
pub mod rate_recovery;
pub mod recovery;
pub mod scenario;
pub mod settle_error;
pub mod settlement;

pub use achievement::{achievement_fraction, adjustment_curve, adjustment_percent, BandMode};
pub use evaluate::{evaluate, Override, Overrides};
pub use model::{prepare, Model};
pub use settlement::{settle, RuleOptions, SettleError, SettleOptions, Settlement};
