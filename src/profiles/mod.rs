//! The contracts, one folder each: the three contracts of the digest. Each owns its
//! calendar, its tables, its dataset and its rules, and plugs into the core's
//! import through [`crate::core::import::profile::Profile`]. The app and the
//! command line pick a contract and hand its dataset to that contract's rules.

pub mod call_centre;
pub mod dunning;
pub mod pension;

use serde::{Deserialize, Serialize};

/// The contracts Shūnō serves (digest, table at the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contract {
    /// A. 国民年金保険料収納事業 (national pension premium collection, seed 000).
    NationalPension,
    /// B. 健康保険コールセンター等業務 (municipal call centre, seed 003).
    MunicipalCallCentre,
    /// C. 労災保険 求償債権等 納入督促・債権回収業務 (workers' compensation dunning, seed 004).
    WorkersCompensationDunning,
}

impl Contract {
    pub const ALL: [Contract; 3] =
        [Contract::NationalPension, Contract::MunicipalCallCentre, Contract::WorkersCompensationDunning];

    /// The digest's letter for the profile.
    pub fn letter(self) -> char {
        match self {
            Contract::NationalPension => 'A',
            Contract::MunicipalCallCentre => 'B',
            Contract::WorkersCompensationDunning => 'C',
        }
    }

    /// i18n key of the profile's name.
    pub fn name_key(self) -> &'static str {
        match self {
            Contract::NationalPension => "profile.national_pension",
            Contract::MunicipalCallCentre => "profile.municipal_call_centre",
            Contract::WorkersCompensationDunning => "profile.workers_compensation",
        }
    }

    /// Whether this build has the profile's engine (B and C have issues of their own).
    pub fn is_available(self) -> bool {
        matches!(self, Contract::NationalPension)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pension_contract_is_built() {
        assert!(Contract::NationalPension.is_available());
        assert!(!Contract::MunicipalCallCentre.is_available());
        assert_eq!(Contract::ALL.map(Contract::letter), ['A', 'B', 'C']);
    }
}
