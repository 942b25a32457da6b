//! `shuno whatif DIR --scenario FILE`: the settlement under a scenario (#14),
//! in the shape `shuno settle` prints; the empty scenario `{}` prints exactly
//! what `shuno settle` does.

use super::settle::{load, print};
use crate::cli::WhatIfArgs;
use crate::core::i18n::{msg, text};
use crate::profiles::pension::rules::prepare;
use crate::profiles::pension::rules::scenario::Scenario;
use crate::profiles::pension::views::comparison::{projected_model, settle_scenario};
use std::process::ExitCode;

pub fn run(args: &WhatIfArgs) -> ExitCode {
    let settle = &args.settle;
    let lang = settle.lang;
    let scenario: Scenario = match std::fs::read_to_string(&args.scenario) {
        Ok(json) => match serde_json::from_str(&json) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {}: {e}", args.scenario.display());
                eprintln!("  help: {}", text("cli.scenario_help", lang));
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", args.scenario.display());
            return ExitCode::from(2);
        }
    };
    let report = match load(&settle.dir, settle.encoding, lang) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if report.blocks_settlement() {
        eprintln!("error: {}", text("cli.blocked_by_problems", lang));
        return ExitCode::from(1);
    }
    let model = match prepare(&report.dataset, settle.period, settle.as_of) {
        Ok(m) => m,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("error: {}", e.message(lang)));
            return ExitCode::from(1);
        }
    };
    let scenario = Scenario { projection: args.pace.or(scenario.projection), ..scenario };
    if let Some(pace) = scenario.projection {
        let note = msg("cli.projected").arg("as_of", model.as_of).arg("pace", text(pace.key(), lang));
        eprintln!("{}", note.render(lang));
    }
    let model = match scenario.projection.map(|pace| projected_model(&report.dataset, &model, pace)) {
        Some(Ok(projected)) => projected,
        Some(Err(errors)) => {
            errors.iter().for_each(|e| eprintln!("error: {}", e.message(lang)));
            return ExitCode::from(1);
        }
        None => model,
    };
    match settle_scenario(&model, &scenario, settle.options().rules(), None) {
        Ok(settlement) => print(&settlement, &report.file_names(), settle),
        Err(errors) => {
            let file = args.scenario.display();
            errors.iter().for_each(|e| eprintln!("error: {file}: {}", e.message(lang)));
            ExitCode::from(1)
        }
    }
}
