//! Contract profiles: the three contracts of the digest. Each profile owns its
//! calendar, its tables and its rules; the app and the command line pick a profile
//! and hand its dataset to that profile's engine.

use crate::core::calendar::{Period, YearMonth};
use serde::{Deserialize, Serialize};

/// The contracts Shūnō serves (digest, table at the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Profile {
    /// A. 国民年金保険料収納事業 (national pension premium collection, seed 000).
    NationalPension,
    /// B. 健康保険コールセンター等業務 (municipal call centre, seed 003).
    MunicipalCallCentre,
    /// C. 労災保険 求償債権等 納入督促・債権回収業務 (workers' compensation dunning, seed 004).
    WorkersCompensationDunning,
}

impl Profile {
    pub const ALL: [Profile; 3] =
        [Profile::NationalPension, Profile::MunicipalCallCentre, Profile::WorkersCompensationDunning];

    /// The digest's letter for the profile.
    pub fn letter(self) -> char {
        match self {
            Profile::NationalPension => 'A',
            Profile::MunicipalCallCentre => 'B',
            Profile::WorkersCompensationDunning => 'C',
        }
    }

    /// i18n key of the profile's name.
    pub fn name_key(self) -> &'static str {
        match self {
            Profile::NationalPension => "profile.national_pension",
            Profile::MunicipalCallCentre => "profile.municipal_call_centre",
            Profile::WorkersCompensationDunning => "profile.workers_compensation",
        }
    }

    /// Whether this build has the profile's engine (B and C have issues of their own).
    pub fn is_available(self) -> bool {
        matches!(self, Profile::NationalPension)
    }
}

/// The national pension contract starting 令和8年5月 (digest A1).
pub mod national_pension {
    use super::*;

    /// First month of the contract (令和8年5月開始事業).
    pub const CONTRACT_START: YearMonth = YearMonth { year: 2026, month: 5 };
    /// Number of settlement periods (第1期–第3期).
    pub const PERIOD_COUNT: u8 = 3;

    /// Period `number` (1–3), or `None` outside the contract.
    pub fn period(number: u8) -> Option<Period> {
        (1..=PERIOD_COUNT)
            .contains(&number)
            .then(|| Period { number, first: CONTRACT_START.plus(12 * (number as i64 - 1)) })
    }

    /// The period a month falls in, or `None` outside the contract.
    pub fn period_of(month: YearMonth) -> Option<Period> {
        let offset = month.index() - CONTRACT_START.index();
        if offset < 0 {
            return None;
        }
        u8::try_from(offset / 12 + 1).ok().and_then(period)
    }

    pub fn periods() -> impl Iterator<Item = Period> {
        (1..=PERIOD_COUNT).filter_map(period)
    }
}

#[cfg(test)]
mod tests {
    use super::national_pension::*;
    use super::*;

    #[test]
    fn contract_periods() {
        let p3 = period(3).unwrap();
        assert_eq!(p3.first.to_string(), "2028-05");
        assert_eq!(p3.last().to_string(), "2029-04");
        assert_eq!(period(0), None);
        assert_eq!(period(4), None);
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        assert_eq!(period_of(ym("2027-04")).map(|p| p.number), Some(1));
        assert_eq!(period_of(ym("2027-05")).map(|p| p.number), Some(2));
        assert_eq!(period_of(ym("2026-04")), None);
        assert_eq!(period_of(ym("2029-05")), None);
        assert!(Profile::NationalPension.is_available());
        assert!(!Profile::MunicipalCallCentre.is_available());
    }
}
