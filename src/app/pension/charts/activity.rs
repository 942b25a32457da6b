//! One method's activity per month: planned, done and contacts side by side, and
//! the cumulative shortfall against plan as a line.

use crate::app::components::chart_style::{font_px, BLUE, GREY, SKY, VERMILLION};
use crate::core::money::format_count;
use crate::profiles::pension::rules::activity::{ActivityMonth, MethodActivity};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

pub struct Labels {
    pub title: String,
    pub planned: String,
    pub done: String,
    pub contacts: String,
    pub shortfall: String,
    pub months: Vec<String>,
}

pub fn draw(canvas: web_sys::HtmlCanvasElement, a: &MethodActivity, labels: &Labels) -> Option<()> {
    let width = canvas.width();
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let top =
        a.months.iter().map(|m| m.planned.max(m.done).max(m.cumulative_shortfall)).max().unwrap_or(1).max(1);
    let bottom = a.months.iter().map(|m| m.cumulative_shortfall).min().unwrap_or(0).min(0);
    let font = font_px(width, 18);
    let mut chart = ChartBuilder::on(&root)
        .caption(labels.title.as_str(), ("sans-serif", font + 4))
        .margin(16)
        .x_label_area_size(font * 2)
        .y_label_area_size(font * 4)
        .build_cartesian_2d(-0.5f64..11.5f64, (bottom as f64 * 1.1)..(top as f64 * 1.6))
        .ok()?;
    let months = labels.months.clone();
    chart
        .configure_mesh()
        .x_labels(12)
        .x_label_formatter(&|x| months.get(x.round() as usize).cloned().unwrap_or_default())
        .y_label_formatter(&|y| format_count(y.round() as i64))
        .label_style(("sans-serif", font))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .ok()?;
    let bar = |offset: f64, value: fn(&ActivityMonth) -> i64, color: RGBColor| {
        a.months
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.to_come)
            .map(move |(i, m)| {
                let x = i as f64 + offset;
                Rectangle::new([(x - 0.13, 0.0), (x + 0.13, value(m) as f64)], color.filled())
            })
            .collect::<Vec<_>>()
    };
    for (offset, value, color, label) in [
        (-0.28, (|m: &ActivityMonth| m.planned) as fn(&ActivityMonth) -> i64, GREY, &labels.planned),
        (0.0, |m: &ActivityMonth| m.done, BLUE, &labels.done),
        (0.28, |m: &ActivityMonth| m.contacts, SKY, &labels.contacts),
    ] {
        chart
            .draw_series(bar(offset, value, color))
            .ok()?
            .label(label.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 16, y + 6)], color.filled()));
    }
    let line: Vec<(f64, f64)> = a
        .months
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.to_come)
        .map(|(i, m)| (i as f64, m.cumulative_shortfall as f64))
        .collect();
    chart
        .draw_series(LineSeries::new(line.clone(), VERMILLION.stroke_width(3)))
        .ok()?
        .label(labels.shortfall.as_str())
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], VERMILLION.stroke_width(3)));
    chart.draw_series(line.iter().map(|p| TriangleMarker::new(*p, 6, VERMILLION.filled()))).ok()?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font(("sans-serif", font))
        .background_style(WHITE.mix(0.9))
        .border_style(GREY)
        .draw()
        .ok()?;
    root.present().ok()
}
