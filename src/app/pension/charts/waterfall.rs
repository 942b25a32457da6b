//! The fee build-up of one office as a waterfall: base, each adjustment, total.
//! Increases green with ▲, decreases vermillion with ▼, totals blue: never colour
//! alone.

use crate::app::components::chart_style::{font_px, BLUE, GREEN, VERMILLION};
use crate::core::money::format_yen;
use crate::profiles::pension::views::waterfall::WaterfallStep;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

pub fn draw(
    canvas: web_sys::HtmlCanvasElement,
    steps: &[WaterfallStep],
    names: &[String],
    title: &str,
) -> Option<()> {
    let width = canvas.width();
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let top = steps.iter().map(|s| s.from.max(s.to)).max().unwrap_or(1).max(1) as f64 * 1.15;
    let bottom = steps.iter().map(|s| s.from.min(s.to)).min().unwrap_or(0).min(0) as f64;
    let font = font_px(width, 18);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", font + 4))
        .margin(16)
        .x_label_area_size(font * 2)
        .y_label_area_size(font * 6)
        .build_cartesian_2d(-0.5f64..(steps.len() as f64 - 0.5), bottom..top)
        .ok()?;
    let labels = names.to_vec();
    chart
        .configure_mesh()
        .x_labels(steps.len())
        .x_label_formatter(&|x| labels.get(x.round() as usize).cloned().unwrap_or_default())
        .y_label_formatter(&|y| format_yen(*y as i64))
        .label_style(("sans-serif", font))
        .disable_x_mesh()
        .draw()
        .ok()?;
    for (i, s) in steps.iter().enumerate() {
        let x = i as f64;
        let (color, mark) = match (s.is_total, s.amount >= 0) {
            (true, _) => (BLUE, ""),
            (false, true) => (GREEN, "▲ "),
            (false, false) => (VERMILLION, "▼ "),
        };
        let (lo, hi) = (s.from.min(s.to) as f64, s.from.max(s.to) as f64);
        chart
            .draw_series([Rectangle::new([(x - 0.32, lo), (x + 0.32, hi.max(lo + 1.0))], color.filled())])
            .ok()?;
        let text = format!("{mark}{}", format_yen(s.amount));
        chart
            .draw_series([Text::new(
                text,
                (x - 0.3, hi + (top - bottom) * 0.09),
                ("sans-serif", font).into_font(),
            )])
            .ok()?;
    }
    root.present().ok()
}
