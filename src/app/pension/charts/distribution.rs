//! A bid's distribution: the histogram of the runs' totals with the fee bid
//! marked, or the cumulative curve (the share of runs at or below a yen).

use crate::app::components::chart_style::{font_px, BLUE, SKY, VERMILLION};
use crate::profiles::pension::bidding::summary::Summary;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

pub struct Labels {
    pub title: String,
    pub fee: String,
}

/// Millions of yen, for the axis.
fn millions(yen: f64) -> String {
    format!("{:.0}", yen / 1e6)
}

pub fn histogram(canvas: web_sys::HtmlCanvasElement, s: &Summary, labels: &Labels) -> Option<()> {
    let width = canvas.width();
    let root = CanvasBackend::with_canvas_object(canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let font = font_px(width, 18);
    let lo = s.histogram.first()?.from_yen.min(s.fee_yen) as f64;
    let hi = s.histogram.last()?.to_yen.max(s.fee_yen + 1) as f64;
    let top = s.histogram.iter().map(|b| b.runs).max().unwrap_or(1) as f64 * 1.1;
    let mut chart = ChartBuilder::on(&root)
        .caption(labels.title.as_str(), ("sans-serif", font + 4))
        .margin(16)
        .x_label_area_size(font * 2)
        .y_label_area_size(font * 3)
        .build_cartesian_2d(lo..hi, 0f64..top)
        .ok()?;
    chart
        .configure_mesh()
        .x_label_formatter(&|x| millions(*x))
        .label_style(("sans-serif", font))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .ok()?;
    let bars = s.histogram.iter().map(|b| {
        let color = if b.to_yen <= s.fee_yen { VERMILLION } else { BLUE };
        Rectangle::new(
            [(b.from_yen as f64, 0.0), (b.to_yen as f64, f64::from(b.runs))],
            color.mix(0.8).filled(),
        )
    });
    chart.draw_series(bars).ok()?;
    fee_line(&mut chart, s.fee_yen as f64, top, labels, font)
}

pub fn cumulative(canvas: web_sys::HtmlCanvasElement, s: &Summary, labels: &Labels) -> Option<()> {
    let width = canvas.width();
    let root = CanvasBackend::with_canvas_object(canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let font = font_px(width, 18);
    let lo = s.min.min(s.fee_yen) as f64;
    let hi = s.max.max(s.fee_yen + 1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .caption(labels.title.as_str(), ("sans-serif", font + 4))
        .margin(16)
        .x_label_area_size(font * 2)
        .y_label_area_size(font * 3)
        .build_cartesian_2d(lo..hi, 0f64..100f64)
        .ok()?;
    chart
        .configure_mesh()
        .x_label_formatter(&|x| millions(*x))
        .y_label_formatter(&|y| format!("{y:.0}%"))
        .label_style(("sans-serif", font))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .ok()?;
    let points = s.cumulative.iter().map(|(q, yen)| (*yen as f64, f64::from(*q)));
    chart.draw_series(LineSeries::new(points, SKY.stroke_width(4))).ok()?;
    fee_line(&mut chart, s.fee_yen as f64, 100.0, labels, font)
}

fn fee_line<DB: DrawingBackend>(
    chart: &mut ChartContext<
        '_,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
    fee: f64,
    top: f64,
    labels: &Labels,
    font: u32,
) -> Option<()> {
    chart.draw_series(LineSeries::new([(fee, 0.0), (fee, top)], BLACK.stroke_width(3))).ok()?;
    let label = Text::new(labels.fee.clone(), (fee, top * 0.95), ("sans-serif", font).into_font());
    chart.draw_series(std::iter::once(label)).ok()?;
    Some(())
}
