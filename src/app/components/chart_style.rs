//! What every chart shares: the palette, font scaling, percent coordinates.
//! Floating point appears in charts only as pixel coordinates.

use plotters::style::RGBColor;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
pub const SKY: RGBColor = RGBColor(86, 180, 233);
pub const GREEN: RGBColor = RGBColor(0, 158, 115);
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
pub const GREY: RGBColor = RGBColor(120, 120, 120);

/// Font size scaled to the canvas width, so a chart stays readable when large.
pub fn font_px(width: u32, base: u32) -> u32 {
    (base * width / 960).clamp(base * 3 / 4, base * 2)
}

/// A fraction as a percentage coordinate (display only).
pub fn percent(d: Decimal) -> f64 {
    (d * Decimal::ONE_HUNDRED).to_f64().unwrap_or(0.0)
}
