//! The what-if scenarios open in the app and each one's settlement. Never
//! stored: a scenario leaves the page only in the JSON file the user
//! downloads (settings and assumptions, never records).
//!
//! Each draft is read into a scenario by its own memo, and settled by its own
//! memo: editing one scenario re-evaluates that one only, and a memo that
//! reads an unchanged scenario stops there.

use crate::app::state::AppState;
use crate::profiles::pension::rules::effort::{where_effort_pays, EffortPays};
use crate::profiles::pension::rules::projection::Pace;
use crate::profiles::pension::rules::scenario::Scenario;
use crate::profiles::pension::rules::{Model, SettleError, Settlement};
use crate::profiles::pension::views::comparison::{projected_model, settle_scenario, WhatIfError};
use crate::profiles::pension::views::plan::office_yields;
use crate::profiles::pension::views::whatif::{Draft, Drafts, LineError};
use leptos::prelude::*;

type Projected = Memo<Option<Result<Model, Vec<SettleError>>>>;
/// A draft read: its scenario and the lines not read.
type Read = Memo<Option<(Scenario, Vec<LineError>)>>;
/// A draft settled, or why not.
type Settled = Memo<Option<Result<Settlement, Vec<WhatIfError>>>>;

#[derive(Clone, Copy)]
pub struct Scenarios {
    pub drafts: RwSignal<Drafts>,
    /// The draft the page edits.
    pub shown: RwSignal<usize>,
    /// Each draft's scenario and the lines not read.
    pub read: [Read; Drafts::MAX],
    pub settled: [Settled; Drafts::MAX],
    /// Where effort pays in the baseline, best first.
    pub effort: Memo<Option<Vec<EffortPays>>>,
}

impl Scenarios {
    pub fn new(state: AppState) -> Scenarios {
        let drafts = RwSignal::new(Drafts::default());
        // Prepared when a scenario first asks for it (memos are lazy).
        let projected: [Projected; 2] = [Pace::Average, Pace::Latest].map(|pace| {
            Memo::new(move |_| {
                state.model.with(|m| match m {
                    Some(Ok(model)) => Some(state.report.with(|r| projected_model(&r.dataset, model, pace))),
                    _ => None,
                })
            })
        });
        let read = std::array::from_fn(|i| {
            Memo::new(move |_| drafts.with(|d| d.drafts.get(i).map(Draft::scenario)))
        });
        let settled = std::array::from_fn(|i| {
            Memo::new(move |_| {
                let scenario = read[i].with(|r| r.as_ref().map(|(s, _)| s.clone()))?;
                let rules = state.options.with(|o| o.rules());
                let settle =
                    |m: &Option<Result<Model, Vec<SettleError>>>, unchanged: Option<&Settlement>| match m
                        .as_ref()?
                    {
                        Ok(model) => Some(settle_scenario(model, &scenario, rules, unchanged)),
                        Err(e) => Some(Err(e.iter().cloned().map(WhatIfError::Settle).collect())),
                    };
                match scenario.projection {
                    Some(Pace::Average) => projected[0].with(|m| settle(m, None)),
                    Some(Pace::Latest) => projected[1].with(|m| settle(m, None)),
                    // Today's settlement: the offices the scenario leaves alone come from it.
                    None => state.settlement.with(|s| {
                        let unchanged = s.as_ref().and_then(|s| s.as_ref().ok());
                        state.model.with(|m| settle(m, unchanged))
                    }),
                }
            })
        });
        let effort = Memo::new(move |_| {
            let rules = state.options.with(|o| o.rules());
            state.model.with(|m| {
                let model = m.as_ref()?.as_ref().ok()?;
                let yields = state.report.with(|r| {
                    state.records.with(|a| office_yields(&r.dataset, a.as_ref().map(|a| &a.promoted), model))
                });
                where_effort_pays(model, &rules, &yields).ok()
            })
        });
        Scenarios { drafts, shown: RwSignal::new(0), read, settled, effort }
    }

    /// Opens a scenario and shows it; `false` when three are open.
    pub fn open(self, scenario: Scenario) -> bool {
        let mut opened = false;
        self.drafts.update(|d| opened = d.open(scenario));
        if opened {
            self.shown.set(self.drafts.with_untracked(|d| d.drafts.len() - 1));
        }
        opened
    }
}
