//! Why a bidder's assumptions cannot be simulated: each names what to fix.

use crate::core::i18n::{msg, Lang};
use crate::profiles::pension::rules::scenario::ScenarioError;
use crate::profiles::pension::rules::SettleError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum BidError {
    /// The data cannot be settled (a table or a row missing).
    Settle(SettleError),
    /// An entry names an office, prefecture, district or kind the data lacks.
    Entry(ScenarioError),
    /// A setting outside what it may be.
    OutOfRange { setting: String, value: String, allowed: String },
    /// A period outside the contract (1–3).
    NoSuchPeriod { period: u8 },
    /// No fee for a district in a period simulated.
    MissingFee { district: String, period: u8 },
    /// A performance entry with neither a mean nor "like the last period".
    NoMean { entry: usize },
    /// Incidents expected but no points-to-rate scale loaded (digest A7).
    IncidentsWithoutScale,
    /// A figure too large to compute exactly.
    Overflow { office_code: String },
}

impl BidError {
    pub fn out_of_range(setting: &str, value: impl ToString, allowed: &str) -> BidError {
        BidError::OutOfRange { setting: setting.into(), value: value.to_string(), allowed: allowed.into() }
    }

    pub fn message(&self, lang: Lang) -> String {
        let message = match self {
            BidError::Entry(e) => return e.message(lang),
            BidError::Settle(e) => return e.message(lang),
            BidError::OutOfRange { setting, value, allowed } => msg("bid.error.out_of_range")
                .arg("setting", setting)
                .arg("value", value)
                .arg("allowed", allowed),
            BidError::NoSuchPeriod { period } => msg("bid.error.no_such_period").arg("period", period),
            BidError::MissingFee { district, period } => {
                msg("bid.error.missing_fee").arg("district", district).arg("period", period)
            }
            BidError::NoMean { entry } => msg("bid.error.no_mean").arg("entry", entry + 1),
            BidError::IncidentsWithoutScale => msg("bid.error.incidents_without_scale"),
            BidError::Overflow { office_code } => msg("bid.error.overflow").arg("office", office_code),
        };
        message.render(lang)
    }
}
