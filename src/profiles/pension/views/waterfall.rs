//! The fee build-up of one office as waterfall steps: base → achievement ± →
//! account transfer ± → incidents − → total. Pure re-arrangement of the
//! settlement's rounded figures; nothing is recomputed.

use crate::core::money::Yen;
use crate::profiles::pension::rules::settlement::OfficeSettlement;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaterfallStep {
    /// i18n key of the step's label.
    pub key: &'static str,
    pub amount: Yen,
    /// Running total before and after the step (the bar spans them).
    pub from: Yen,
    pub to: Yen,
    /// The first and last bars stand on zero.
    pub is_total: bool,
}

pub fn waterfall(o: &OfficeSettlement) -> Vec<WaterfallStep> {
    let mut steps = vec![WaterfallStep {
        key: "table.col.base",
        amount: o.base_yen,
        from: 0,
        to: o.base_yen,
        is_total: true,
    }];
    let mut running = o.base_yen;
    for (key, amount) in [
        ("table.col.achievement", o.achievement_adjustment_yen),
        ("table.col.transfer", o.account_transfer_adjustment_yen),
        ("table.col.incident", o.incident_deduction_yen),
    ] {
        steps.push(WaterfallStep { key, amount, from: running, to: running + amount, is_total: false });
        running += amount;
    }
    steps.push(WaterfallStep {
        key: "table.col.total",
        amount: running,
        from: 0,
        to: running,
        is_total: true,
    });
    debug_assert_eq!(running, o.total_yen);
    steps
}
