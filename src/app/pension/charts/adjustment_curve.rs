//! The adjustment curve (digest A5): ratio → percent of base for the mode in
//! force (solid) and the other mode (dotted), with the offices placed on it.

use crate::core::money::{to_decimal, Exact};
use crate::profiles::pension::rules::achievement::band_edges_permille;
use crate::profiles::pension::rules::{adjustment_curve, BandMode};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use rust_decimal::prelude::ToPrimitive;

/// The chart's frame, in canvas pixels, and its ratio axis in percent.
const MARGIN: u32 = 24;
const Y_LABEL_AREA: u32 = 72;
const RATIO_AXIS: std::ops::Range<f64> = 60.0..140.0;

/// The ratio (percent) under a point `x` pixels from the left of a canvas
/// `width` pixels wide, to 0.1 %; `None` outside the plot: what dragging a
/// marker along the curve sets.
pub fn ratio_at(x: f64, width: f64) -> Option<f64> {
    let (left, right) = (f64::from(MARGIN + Y_LABEL_AREA), width - f64::from(MARGIN));
    if right <= left || !(left..=right).contains(&x) {
        return None;
    }
    let ratio = RATIO_AXIS.start + (x - left) / (right - left) * (RATIO_AXIS.end - RATIO_AXIS.start);
    Some((ratio * 10.0).round() / 10.0)
}

/// One office × kind on the curve: ratio and adjustment, both in percent.
pub struct Marker {
    pub ratio_percent: f64,
    pub adjustment_percent: f64,
}

/// Percent as a drawing coordinate.
pub fn coordinate(x: &Exact) -> f64 {
    to_decimal(x, 4).to_f64().unwrap_or(0.0)
}

pub struct Labels {
    pub x: String,
    pub y: String,
    pub in_force: String,
    pub other: String,
}

pub fn draw(
    canvas: web_sys::HtmlCanvasElement,
    mode: BandMode,
    markers: &[Marker],
    labels: &Labels,
) -> Option<()> {
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let mut chart = ChartBuilder::on(&root)
        .margin(MARGIN)
        .x_label_area_size(56)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d(RATIO_AXIS, -27f64..27f64)
        .ok()?;
    chart
        .configure_mesh()
        .x_label_formatter(&|x| format!("{x:.0}%"))
        .y_label_formatter(&|y| if y.round() == 0.0 { "0%".to_string() } else { format!("{y:+.0}%") })
        .x_desc(labels.x.as_str())
        .y_desc(labels.y.as_str())
        .label_style(("sans-serif", 18))
        .axis_desc_style(("sans-serif", 20))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .ok()?;
    for edge in band_edges_permille().into_iter().map(|e| e as f64 / 10.0) {
        chart.draw_series(LineSeries::new([(edge, -27.0), (edge, 27.0)], RGBColor(190, 190, 190))).ok()?;
    }
    let other = match mode {
        BandMode::Tiered => BandMode::Flat,
        BandMode::Flat => BandMode::Tiered,
    };
    let points = |m: BandMode| -> Vec<(f64, f64)> {
        adjustment_curve(m, 600, 1400)
            .unwrap_or_default()
            .iter()
            .map(|(r, p)| (*r as f64 / 10.0, coordinate(p)))
            .collect()
    };
    // Okabe–Ito blue (in force) and vermillion (other): safe for colour-blind eyes.
    let blue = RGBColor(0, 114, 178);
    let vermillion = RGBColor(213, 94, 0);
    chart
        .draw_series(DashedLineSeries::new(points(other), 6, 6, vermillion.stroke_width(2)))
        .ok()?
        .label(labels.other.as_str())
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], vermillion.stroke_width(2)));
    chart
        .draw_series(LineSeries::new(points(mode), blue.stroke_width(4)))
        .ok()?
        .label(labels.in_force.as_str())
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], blue.stroke_width(4)));
    chart
        .draw_series(markers.iter().map(|m| {
            let x = m.ratio_percent.clamp(60.0, 140.0);
            TriangleMarker::new((x, m.adjustment_percent), 6, BLACK.filled())
        }))
        .ok()?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font(("sans-serif", 18))
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .draw()
        .ok()?;
    root.present().ok()
}
