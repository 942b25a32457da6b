//! Profile A's pages: the overview, an office's detail, inspection, what-if,
//! the adjustment rule, the records, and projector mode, with their charts;
//! and the what-if scenarios open in the app.

pub mod bids;
pub mod charts;
pub mod pages;
pub mod projector;
mod projector_whatif;
pub mod scenarios;
