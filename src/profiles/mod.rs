//! The contracts, one folder each: the three contracts of the digest. Each owns its
//! calendar, its tables, its dataset and its rules, and plugs into the core's
//! import through [`crate::core::import::profile::Profile`]. The app and the
//! command line pick a contract and hand its dataset to that contract's rules.

pub mod call_centre;
pub mod dunning;
pub mod pension;

use crate::core::import::schema::recognize;
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

    /// i18n key of the profile's short name (the header's choice).
    pub fn short_key(self) -> &'static str {
        match self {
            Contract::NationalPension => "profile.national_pension.short",
            Contract::MunicipalCallCentre => "profile.municipal_call_centre.short",
            Contract::WorkersCompensationDunning => "profile.workers_compensation.short",
        }
    }
}

/// The contract whose table a header row is, when exactly one contract's
/// tables recognise it (`None` when none or several do).
pub fn contract_of_header(header: &[String]) -> Option<Contract> {
    let pension = recognize::<pension::tables::PensionTable>(header).is_ok();
    let call_centre = recognize::<call_centre::tables::CallCentreTable>(header).is_ok();
    let dunning = recognize::<dunning::tables::DunningTable>(header).is_ok();
    match (pension, call_centre, dunning) {
        (true, false, false) => Some(Contract::NationalPension),
        (false, true, false) => Some(Contract::MunicipalCallCentre),
        (false, false, true) => Some(Contract::WorkersCompensationDunning),
        _ => None,
    }
}

/// The contract a folder's headers tell, when that is clear: every header is
/// another contract's than `shown`, and all the same one.
pub fn other_contract_of(headers: &[Vec<String>], shown: Contract) -> Option<Contract> {
    let mut found = headers.iter().map(|h| contract_of_header(h));
    let first = found.next()??;
    (first != shown && found.all(|c| c == Some(first))).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::schema::TableSpec;

    fn header(table: impl TableSpec) -> Vec<String> {
        table.header().into_iter().map(String::from).collect()
    }

    #[test]
    fn a_folder_tells_its_contract_when_every_header_agrees() {
        use call_centre::tables::CallCentreTable as B;
        use pension::tables::PensionTable as A;
        let b = vec![header(B::DailyLog), header(B::SundayOpenings), header(B::MonthlyTargets)];
        assert_eq!(other_contract_of(&b, Contract::NationalPension), Some(Contract::MunicipalCallCentre));
        assert_eq!(other_contract_of(&b, Contract::MunicipalCallCentre), None, "already shown");
        let a = vec![header(A::Offices), header(A::Progress)];
        assert_eq!(other_contract_of(&a, Contract::MunicipalCallCentre), Some(Contract::NationalPension));
        let mixed = vec![header(A::Offices), header(B::DailyLog)];
        assert_eq!(other_contract_of(&mixed, Contract::NationalPension), None);
        let c =
            vec![header(dunning::tables::DunningTable::Debts), header(dunning::tables::DunningTable::Calls)];
        assert_eq!(
            other_contract_of(&c, Contract::NationalPension),
            Some(Contract::WorkersCompensationDunning)
        );
        let unknown = vec![vec!["名前".to_string(), "住所".to_string()]];
        assert_eq!(other_contract_of(&unknown, Contract::NationalPension), None);
    }

    #[test]
    fn the_contracts_are_lettered_as_the_digest() {
        assert_eq!(Contract::ALL.map(Contract::letter), ['A', 'B', 'C']);
    }
}
