//! Why a dataset cannot be settled ([`SettleError`]): each variant names what to
//! fix, and says it in Japanese or English.

use crate::core::calendar::YearMonth;
use crate::core::i18n::{msg, Lang};
use crate::profiles::pension::dataset::Kind;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Why a dataset cannot be settled. Every variant names what to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum SettleError {
    MissingTable {
        table: String,
    },
    NoSuchPeriod {
        period: u8,
    },
    AsOfOutsidePeriod {
        as_of: YearMonth,
        period: u8,
    },
    NoSnapshots {
        month: YearMonth,
    },
    MissingSnapshot {
        office_code: String,
        kind: Kind,
        month: YearMonth,
    },
    MissingFee {
        district: String,
        period: u8,
    },
    IncidentsWithoutScale {
        office_code: String,
        points: i64,
    },
    Overflow {
        office_code: String,
    },
    /// An override names an office the dataset does not have.
    UnknownOverrideOffice {
        office_code: String,
    },
    /// A district's given due months are fewer than its loaded offices' (#13 fix d).
    DistrictTotalBelowOffices {
        district: String,
        kind: Kind,
        given: i64,
        loaded: i64,
    },
    /// Promoted months after an override fall outside 0..=denominator.
    OverrideOutOfRange {
        office_code: String,
        kind: Kind,
        promoted: i64,
        denominator: i64,
    },
    /// A ratio above [`IMPLAUSIBLE_RATIO_ABOVE_PERCENT`] in the data as read
    /// (not after an override): almost always a target read a hundred times too
    /// small (a percent cell of Excel read as its fraction), so nothing is
    /// settled on it (#13 fix h).
    ImplausibleRatio {
        office_code: String,
        kind: Kind,
        /// The ratio, in percent, one decimal place.
        ratio_percent: Decimal,
        /// The target as read, in percent.
        target_percent: Decimal,
    },
}

impl SettleError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SettleError::MissingTable { table } => {
                msg("settle.missing_table").arg("table", table).render(lang)
            }
            SettleError::NoSuchPeriod { period } => {
                msg("settle.no_such_period").arg("period", period).render(lang)
            }
            SettleError::AsOfOutsidePeriod { as_of, period } => {
                msg("settle.as_of_outside").arg("as_of", as_of).arg("period", period).render(lang)
            }
            SettleError::NoSnapshots { month } => msg("settle.no_snapshots").arg("month", month).render(lang),
            SettleError::MissingSnapshot { office_code, kind, month } => msg("settle.missing_snapshot")
                .arg("office", office_code)
                .arg("kind", kind.japanese())
                .arg("month", month)
                .render(lang),
            SettleError::MissingFee { district, period } => {
                msg("settle.missing_fee").arg("district", district).arg("period", period).render(lang)
            }
            SettleError::IncidentsWithoutScale { office_code, points } => {
                msg("settle.incidents_without_scale")
                    .arg("office", office_code)
                    .arg("points", points)
                    .render(lang)
            }
            SettleError::DistrictTotalBelowOffices { district, kind, given, loaded } => {
                msg("settle.district_total_below_offices")
                    .arg("district", district)
                    .arg("kind", kind.japanese())
                    .arg("given", given)
                    .arg("loaded", loaded)
                    .render(lang)
            }
            SettleError::Overflow { office_code } => {
                msg("settle.overflow").arg("office", office_code).render(lang)
            }
            SettleError::UnknownOverrideOffice { office_code } => {
                msg("settle.unknown_override_office").arg("office", office_code).render(lang)
            }
            SettleError::OverrideOutOfRange { office_code, kind, promoted, denominator } => {
                msg("settle.override_out_of_range")
                    .arg("office", office_code)
                    .arg("kind", kind.japanese())
                    .arg("promoted", promoted)
                    .arg("denominator", denominator)
                    .render(lang)
            }
            SettleError::ImplausibleRatio { office_code, kind, ratio_percent, target_percent } => {
                msg("settle.implausible_ratio")
                    .arg("office", office_code)
                    .arg("kind", kind.japanese())
                    .arg("ratio", ratio_percent)
                    .arg("target", target_percent)
                    .render(lang)
            }
        }
    }
}
