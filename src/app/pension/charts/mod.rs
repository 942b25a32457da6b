//! The pension contract's charts, drawn with plotters on a canvas from numbers
//! the core computed.

pub mod activity;
pub mod adjustment_curve;
pub mod distribution;
pub mod trajectory;
pub mod waterfall;
