//! 入札試算 (#15): what a bid really earns. The bidder's assumptions in a
//! form (saved only to a JSON file the user downloads, the one `shuno
//! bid-sim` reads), the Monte Carlo run in the bid worker with progress and
//! cancel, and the distribution per district and in total.

mod inputs;
mod results;

use crate::app::download::save_text;
use crate::app::dropped::{chosen_file, file_text};
use crate::app::pension::bids::{BidStatus, Bids};
use crate::app::state::{tr, AppState};
use crate::profiles::pension::bidding::form::BidForm;
use crate::profiles::pension::bidding::BidInput;
use leptos::prelude::*;

#[component]
pub fn Bid() -> impl IntoView {
    view! {
        <section class="page bid" data-testid="bid">
            <h1>{tr("nav.bid")}</h1>
            <p class="muted">{tr("bid.lead")}</p>
            <inputs::Inputs />
            <RunBar />
            <results::Results />
        </section>
    }
}

/// Run, cancel, progress, save and open.
#[component]
fn RunBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let bids = expect_context::<Bids>();
    let failure = RwSignal::new(None::<String>);
    let save = move |_| {
        let (input, _) = bids.read(state);
        if let Ok(json) = serde_json::to_string_pretty(&input) {
            save_text("bid.json", &json, "application/json");
        }
    };
    let open = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            let text = file_text(&file).await;
            match serde_json::from_str::<BidInput>(&text.unwrap_or_default()) {
                Ok(input) => {
                    bids.form.set(BidForm::from_input(&input));
                    failure.set(None);
                }
                Err(e) => failure.set(Some(format!("{}: {} {e}", file.name(), state.t("bid.not_a_bid")))),
            }
        });
    };
    let progress = move || match bids.status.get() {
        BidStatus::Running { done, runs } => Some((done, runs)),
        _ => None,
    };
    view! {
        <div class="controls bid-run">
            <button type="button" class="primary" data-testid="bid-run" disabled=move || bids.is_running()
                on:click=move |_| bids.start(state)>{tr("bid.run")}</button>
            <button type="button" data-testid="bid-cancel" disabled=move || !bids.is_running()
                on:click=move |_| bids.cancel()>{tr("bid.cancel")}</button>
            {move || progress().map(|(done, runs)| view! {
                <progress data-testid="bid-progress" max=runs value=done></progress>
                <span>{format!("{done} / {runs}")}</span>
            })}
            <button type="button" data-testid="bid-save" on:click=save>{tr("bid.save")}</button>
            <label class="file-button">{tr("bid.open")}
                <input type="file" accept=".json,application/json" data-testid="bid-open" on:change=open />
            </label>
            {move || failure.get().map(|f| view! { <p class="error" role="alert">{f}</p> })}
        </div>
    }
}
