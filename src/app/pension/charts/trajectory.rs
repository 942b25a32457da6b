//! One kind's rate month by month against its target; the months still to come
//! are shaded and labelled.

use crate::app::components::chart_style::{font_px, percent, BLUE, GREY, ORANGE};
use crate::profiles::pension::views::trajectory::Trajectory;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

pub struct Labels {
    pub title: String,
    pub rate: String,
    pub target: String,
    pub to_come: String,
    pub months: Vec<String>,
}

pub fn draw(canvas: web_sys::HtmlCanvasElement, t: &Trajectory, labels: &Labels) -> Option<()> {
    let width = canvas.width();
    let backend = CanvasBackend::with_canvas_object(canvas)?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let values: Vec<f64> =
        t.points.iter().filter_map(|p| p.rate).map(percent).chain(t.target.map(percent)).collect();
    let top = values.iter().cloned().fold(5.0f64, f64::max) * 1.2;
    let font = font_px(width, 18);
    let mut chart = ChartBuilder::on(&root)
        .caption(labels.title.as_str(), ("sans-serif", font + 4))
        .margin(16)
        .x_label_area_size(font * 2)
        .y_label_area_size(font * 3)
        .build_cartesian_2d(-0.5f64..11.5f64, 0f64..top)
        .ok()?;
    let months = labels.months.clone();
    chart
        .configure_mesh()
        .x_labels(12)
        .x_label_formatter(&|x| months.get(x.round() as usize).cloned().unwrap_or_default())
        .y_label_formatter(&|y| format!("{y:.0}%"))
        .label_style(("sans-serif", font))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .ok()?;
    if let Some(first_to_come) = t.points.iter().position(|p| p.to_come) {
        let x0 = first_to_come as f64 - 0.5;
        chart
            .draw_series([Rectangle::new([(x0, 0.0), (11.5, top)], RGBColor(236, 239, 242).filled())])
            .ok()?;
        chart
            .draw_series([Text::new(
                labels.to_come.clone(),
                (x0 + 0.2, top * 0.95),
                ("sans-serif", font).into_font(),
            )])
            .ok()?;
    }
    if let Some(target) = t.target.map(percent) {
        chart
            .draw_series(DashedLineSeries::new(
                [(-0.5, target), (11.5, target)],
                10,
                6,
                ORANGE.stroke_width(3),
            ))
            .ok()?
            .label(labels.target.as_str())
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], ORANGE.stroke_width(3)));
    }
    let points: Vec<(f64, f64)> =
        t.points.iter().enumerate().filter_map(|(i, p)| p.rate.map(|r| (i as f64, percent(r)))).collect();
    chart
        .draw_series(LineSeries::new(points.clone(), BLUE.stroke_width(4)))
        .ok()?
        .label(labels.rate.as_str())
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], BLUE.stroke_width(4)));
    chart.draw_series(points.iter().map(|p| Circle::new(*p, 5, BLUE.filled()))).ok()?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .label_font(("sans-serif", font))
        .background_style(WHITE.mix(0.9))
        .border_style(GREY)
        .draw()
        .ok()?;
    root.present().ok()
}
