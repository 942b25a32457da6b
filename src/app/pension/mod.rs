//! Profile A's pages: the overview, an office's detail, the adjustment rule,
//! the records, and projector mode, with their charts.

pub mod charts;
pub mod pages;
pub mod projector;
