//! Draws the blocks of a contract whose pages its worker writes out
//! (`core::pages`): one component for every page and slide of the call centre
//! and the dunning blocks (each page is data, so it costs little of the Wasm
//! budget).

use crate::core::pages::{Block, Table};
use leptos::prelude::*;

fn table(t: Table) -> impl IntoView {
    let head = (!t.headers.is_empty())
        .then(|| view! { <thead><tr>{t.headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead> });
    let rows = t.rows.into_iter().map(|(class, cells)| {
        let mut cells = cells.into_iter();
        let first = cells.next().unwrap_or_default();
        view! { <tr class=class><th scope="row">{first}</th>{cells.map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }
    });
    view! { <table class="cc-table" data-testid=t.test_id>{head}<tbody>{rows.collect_view()}</tbody></table> }
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Heading(text) => view! { <h2>{text}</h2> }.into_any(),
        Block::Status { text, class } => {
            let role = if class == "report-now" { "alert" } else { "status" };
            view! { <p class=format!("cc-status {class}") role=role data-testid="cc-status">{text}</p> }.into_any()
        }
        Block::Note(text) => view! { <p class="muted">{text}</p> }.into_any(),
        Block::Figures(figures) => view! {
            <dl class="cc-figures">
                {figures.into_iter().map(|f| view! { <div><dt>{f.label}</dt><dd data-testid=f.test_id>{f.value}</dd></div> }).collect_view()}
            </dl>
        }
        .into_any(),
        Block::Table(t) => table(t).into_any(),
        Block::List { test_id, items } => {
            view! { <ul data-testid=test_id>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
        }
    }
}

/// Every block, in order.
pub fn draw(blocks: Vec<Block>) -> impl IntoView {
    blocks.into_iter().map(block).collect_view()
}
