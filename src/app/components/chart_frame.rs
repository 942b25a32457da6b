//! The frame every chart is drawn in: a canvas sized to its container (and
//! redrawn when the window resizes), the draw time measured and written on the
//! canvas as `data-draw-ms`, a PNG button, and a caption. The numbers a chart
//! shows are always also in a table next to it (the page's job).

use crate::app::download::save_canvas_png;
use crate::app::now_ms;
use crate::app::state::tr;
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::Arc;

/// Draws on a canvas of the given pixel size.
pub type Painter = Arc<dyn Fn(web_sys::HtmlCanvasElement) + Send + Sync>;

/// A chart: `paint` is re-run whenever a signal it reads changes, or the window
/// is resized. `aspect` is height ÷ width in thousandths (562 = 16:9).
#[component]
pub fn ChartFrame(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] file_name: String,
    aspect: u32,
    test_id: &'static str,
    paint: Signal<Painter>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let listener =
        window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n = n.wrapping_add(1)));
    on_cleanup(move || listener.remove());

    Effect::new(move |_| {
        resized.track();
        let painter = paint.get();
        let Some(canvas) = canvas.get() else { return };
        let width = canvas.parent_element().map_or(960, |p| p.client_width().max(320) as u32);
        canvas.set_width(width);
        canvas.set_height(width * aspect / 1000);
        let started = now_ms();
        painter(canvas.clone());
        let _ = canvas.set_attribute("data-draw-ms", &format!("{:.2}", now_ms() - started));
    });

    view! {
        <figure class="chart">
            <div class="canvas-box">
                <canvas node_ref=canvas role="img" aria-label=move || label.get() data-testid=test_id></canvas>
            </div>
            <figcaption>
                <span>{move || label.get()}</span>
                <button
                    type="button"
                    on:click=move |_| {
                        if let Some(c) = canvas.get_untracked() {
                            save_canvas_png(&c, &file_name);
                        }
                    }
                >
                    {tr("app.save_png")}
                </button>
            </figcaption>
        </figure>
    }
}
