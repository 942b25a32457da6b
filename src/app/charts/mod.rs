//! Every chart of the app, drawn with plotters on a canvas from numbers the core
//! computed. Floating point appears here only as pixel coordinates.

pub mod adjustment_curve;
