//! Profile A's figures as the app and the command line present them: the
//! overview's scope and order, an office's rate trajectory and fee build-up, the
//! settlement as CSV, the inspection and recovery plan.

pub mod comparison;
pub mod export;
pub mod exposure;
pub mod overview;
pub mod plan;
pub mod plan_export;
pub mod presentation;
pub mod reporting;
pub mod trajectory;
pub mod waterfall;
pub mod whatif;
