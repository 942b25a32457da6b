//! `shuno whatif DIR --scenario FILE`: the settlement under a scenario (#14),
//! in the shape `shuno settle` prints; the empty scenario `{}` prints exactly
//! what `shuno settle` does.

use super::settle::{load, print};
use crate::cli::WhatIfArgs;
use crate::core::i18n::{msg, text};
use crate::profiles::pension::rules::projection::project;
use crate::profiles::pension::rules::scenario::Scenario;
use crate::profiles::pension::rules::{evaluate, prepare};
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
    let prepared = prepare(&report.dataset, settle.period, settle.as_of).and_then(|model| match args.pace {
        None => Ok(model),
        Some(pace) => {
            let (period, as_of) = (model.period, model.as_of);
            let note = msg("cli.projected")
                .arg("as_of", as_of)
                .arg("pace", text(&format!("pace.{}", pace.code()), lang));
            eprintln!("{}", note.render(lang));
            prepare(&project(&report.dataset, period, as_of, pace), Some(period.number), Some(period.last()))
        }
    });
    let model = match prepared {
        Ok(m) => m,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("error: {}", e.message(lang)));
            return ExitCode::from(1);
        }
    };
    let overrides = match scenario.overrides(&model) {
        Ok(o) => o,
        Err(errors) => {
            let file = args.scenario.display();
            errors.iter().for_each(|e| eprintln!("error: {file}: {}", e.message(lang)));
            return ExitCode::from(1);
        }
    };
    match evaluate(&model, &scenario.rules(settle.options().rules()), &overrides) {
        Ok(settlement) => print(&settlement, &report.file_names(), settle),
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("error: {}", e.message(lang)));
            ExitCode::from(1)
        }
    }
}
