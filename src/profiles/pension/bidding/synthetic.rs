//! A made-up set of equal offices for a bid before any data exists: each
//! office's due months and targets as given, its promoted months at 100 % of
//! target at the end of every period, the fee shared out by due months
//! (digest A4) like any data.

use super::error::BidError;
use super::input::Synthetic;
use crate::core::origin::Origin;
use crate::profiles::pension::calendar::period;
use crate::profiles::pension::dataset::{Kind, Office, PensionDataset, PeriodFee, Progress, Target};
use rust_decimal::Decimal;

/// The most offices a synthetic bid takes.
pub const MAX_OFFICES: u32 = 1_000;

/// The dataset of a synthetic bid.
pub fn dataset(s: &Synthetic) -> Result<PensionDataset, BidError> {
    if !(1..=MAX_OFFICES).contains(&s.offices) {
        return Err(BidError::out_of_range("synthetic.offices", s.offices, "1–1,000"));
    }
    if !(1..=s.offices).contains(&s.districts) {
        return Err(BidError::out_of_range("synthetic.districts", s.districts, "1 – the offices"));
    }
    if let Some(d) = s.due_months.iter().find(|d| !(1..=10_000_000).contains(*d)) {
        return Err(BidError::out_of_range("synthetic.due_months", d, "1–10,000,000"));
    }
    if let Some(t) = s.target_percent.iter().find(|t| **t <= Decimal::ZERO || **t > Decimal::ONE_HUNDRED) {
        return Err(BidError::out_of_range("synthetic.target_percent", t, "0 < target ≤ 100"));
    }
    if !(1..=1_000_000_000_000).contains(&s.fee_yen) {
        return Err(BidError::out_of_range("synthetic.fee_yen", s.fee_yen, "¥1 – ¥1,000,000,000,000"));
    }
    let origin = Origin { file: "synthetic".into(), line: 0 };
    let district = |i: u32| format!("試算ブロック{}", i % s.districts + 1);
    let mut data = PensionDataset::default();
    for i in 0..s.offices {
        let code = format!("S{:04}", i + 1);
        data.offices.push(Office {
            code: code.clone(),
            name: format!("試算事務所{:04}", i + 1),
            prefecture: "試算".into(),
            district: district(i),
            origin: origin.clone(),
        });
        for number in 1..=3 {
            let Some(p) = period(number) else { continue };
            for kind in Kind::ALL {
                let (due, target) = (s.due_months[kind.index()], s.target_percent[kind.index()]);
                let promoted = (Decimal::from(due) * target / Decimal::ONE_HUNDRED).ceil();
                data.progress.push(Progress {
                    office_code: code.clone(),
                    kind,
                    month: p.last(),
                    due_months: due,
                    excluded_paid_months: 0,
                    forced_months: 0,
                    promoted_months: i64::try_from(promoted).unwrap_or(due),
                    origin: origin.clone(),
                });
                data.targets.push(Target {
                    office_code: code.clone(),
                    period: number,
                    kind,
                    rate_percent: target,
                    origin: origin.clone(),
                });
            }
        }
    }
    for d in 0..s.districts {
        for number in 1..=3 {
            data.fees.push(PeriodFee {
                district: district(d),
                period: number,
                fee_yen: s.fee_yen,
                origin: origin.clone(),
            });
        }
    }
    Ok(data)
}
