//! Penalty exposure (#14): for a selection of offices, the way from the fee
//! with every kind at 100 % of target (the bases: no adjustment) to the fee of
//! a settlement (today's, a scenario's or the projection's), as waterfall
//! steps. Each kind's rounded achievement adjustment goes whole to the band
//! its stepped ratio lies in (95–100 %, 80–95 %, below 80 %, or above 100 % for
//! an increase), so the steps add up, to the yen, to the difference they
//! explain. A re-arrangement of the settlement's rounded figures: nothing is
//! recomputed.

use super::waterfall::WaterfallStep;
use crate::core::export::{Cell, Sheet, Workbook};
use crate::core::i18n::{text, Lang};
use crate::core::money::Yen;
use crate::profiles::pension::rules::achievement::{INSTRUCTION_BELOW, STEEP_DECREASE_BELOW};
use crate::profiles::pension::rules::effort::EffortPays;
use crate::profiles::pension::rules::flags::Flag;
use crate::profiles::pension::rules::settlement::{KindSettlement, OfficeSettlement, Settlement};
use serde::{Deserialize, Serialize};

/// Which offices a figure covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "by", content = "name", rename_all = "snake_case")]
pub enum Selection {
    All,
    Prefecture(String),
    District(String),
    Office(String),
}

impl Selection {
    pub fn contains(&self, office: &OfficeSettlement) -> bool {
        match self {
            Selection::All => true,
            Selection::Prefecture(p) => &office.prefecture == p,
            Selection::District(d) => &office.district == d,
            Selection::Office(code) => &office.office_code == code,
        }
    }
}

/// What the exposure can be shown for: every office, each district, each
/// prefecture of a settlement.
pub fn selections(s: &Settlement) -> Vec<Selection> {
    let mut prefectures: Vec<&str> = s.offices.iter().map(|o| o.prefecture.as_str()).collect();
    prefectures.sort_unstable();
    prefectures.dedup();
    let mut out = vec![Selection::All];
    out.extend(s.districts.iter().map(|d| Selection::District(d.district.clone())));
    out.extend(prefectures.into_iter().map(|p| Selection::Prefecture(p.into())));
    out
}

/// A step of the exposure waterfall, with its label's i18n key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum ExposureStep {
    /// The decreases of kinds whose stepped ratio is 95 % to under 100 %.
    Decrease95To100,
    /// … 80 % to under 95 %.
    Decrease80To95,
    /// … under 80 %.
    DecreaseBelow80,
    /// The increases of kinds above 100 %.
    Increase,
    AccountTransfer,
    Incidents,
}

impl ExposureStep {
    pub const ALL: &'static [ExposureStep] = <ExposureStep as strum::VariantArray>::VARIANTS;

    pub fn key(self) -> &'static str {
        match self {
            ExposureStep::Decrease95To100 => "exposure.decrease_95_100",
            ExposureStep::Decrease80To95 => "exposure.decrease_80_95",
            ExposureStep::DecreaseBelow80 => "exposure.decrease_below_80",
            ExposureStep::Increase => "exposure.increase",
            ExposureStep::AccountTransfer => "table.col.transfer",
            ExposureStep::Incidents => "table.col.incident",
        }
    }

    /// Where a kind's achievement adjustment goes; `None` when it is 0.
    fn of_kind(kind: &KindSettlement) -> Option<ExposureStep> {
        let yen = kind.achievement_adjustment_yen;
        let below = |limit| kind.exact_ratio.as_ref().is_some_and(|r| *r < limit);
        Some(match yen {
            0 => return None,
            1.. => ExposureStep::Increase,
            _ if below(INSTRUCTION_BELOW) => ExposureStep::DecreaseBelow80,
            _ if below(STEEP_DECREASE_BELOW) => ExposureStep::Decrease80To95,
            _ => ExposureStep::Decrease95To100,
        })
    }
}

/// The exposure of a selection in one settlement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exposure {
    pub selection: Selection,
    pub offices: usize,
    /// Σ of the offices' bases: the fee with every kind at 100 % of target,
    /// no account-transfer adjustment and no incidents.
    pub fee_at_100_yen: Yen,
    /// In [`ExposureStep::ALL`] order.
    pub steps: Vec<(ExposureStep, Yen)>,
    /// Σ of the offices' totals.
    pub fee_yen: Yen,
    /// Offices of the selection that meet the 指示 trigger (every kind below 80 %).
    pub instruction_offices: Vec<String>,
    /// Districts with an office in the selection whose offices are all below 80 %.
    pub instruction_districts: Vec<String>,
}

pub fn exposure(settlement: &Settlement, selection: &Selection) -> Exposure {
    let mut sums = [0; 6];
    let (mut fee_at_100_yen, mut fee_yen, mut offices) = (0, 0, 0);
    let mut instruction_offices = Vec::new();
    let mut districts: Vec<&str> = Vec::new();
    for o in settlement.offices.iter().filter(|o| selection.contains(o)) {
        offices += 1;
        fee_at_100_yen += o.base_yen;
        fee_yen += o.total_yen;
        for kind in &o.kinds {
            if let Some(step) = ExposureStep::of_kind(kind) {
                sums[step as usize] += kind.achievement_adjustment_yen;
            }
        }
        sums[ExposureStep::AccountTransfer as usize] += o.account_transfer_adjustment_yen;
        sums[ExposureStep::Incidents as usize] += o.incident_deduction_yen;
        if o.flags.contains(&Flag::AllKindsBelow80) {
            instruction_offices.push(o.office_code.clone());
        }
        if !districts.contains(&o.district.as_str()) {
            districts.push(&o.district);
        }
    }
    let instruction_districts = settlement
        .districts
        .iter()
        .filter(|d| districts.contains(&d.district.as_str()) && d.flags.contains(&Flag::AllBelow80))
        .map(|d| d.district.clone())
        .collect();
    Exposure {
        selection: selection.clone(),
        offices,
        fee_at_100_yen,
        steps: ExposureStep::ALL.iter().map(|s| (*s, sums[*s as usize])).collect(),
        fee_yen,
        instruction_offices,
        instruction_districts,
    }
}

impl Exposure {
    /// The steps as a waterfall: the fee at 100 %, each step, the fee.
    pub fn waterfall(&self) -> Vec<WaterfallStep> {
        let mut out = vec![WaterfallStep {
            key: "exposure.fee_at_100",
            amount: self.fee_at_100_yen,
            from: 0,
            to: self.fee_at_100_yen,
            is_total: true,
        }];
        let mut running = self.fee_at_100_yen;
        for &(step, amount) in &self.steps {
            out.push(WaterfallStep {
                key: step.key(),
                amount,
                from: running,
                to: running + amount,
                is_total: false,
            });
            running += amount;
        }
        out.push(WaterfallStep {
            key: "exposure.fee",
            amount: running,
            from: 0,
            to: running,
            is_total: true,
        });
        out
    }

    /// What the selection loses against every kind at 100 %: the decreases
    /// and the account-transfer and incident deductions, as a positive sum.
    pub fn at_stake_yen(&self) -> Yen {
        -self.steps.iter().map(|&(_, yen)| yen.min(0)).sum::<Yen>()
    }
}

/// Where effort pays, every office × kind, as a table to export.
pub fn effort_workbook(list: &[EffortPays], lang: Lang) -> Workbook {
    let columns = [
        "office_code",
        "kind",
        "yen_for_one_month",
        "months_to_next_step",
        "yen_at_next_step",
        "effort_to_next_step",
    ];
    let rows = list
        .iter()
        .map(|e| {
            vec![
                Cell::string(&e.office_code),
                Cell::string(text(&format!("kind.{}", e.kind.code()), lang)),
                Cell::Yen(e.yen_for_one_month),
                Cell::Int(e.months_to_next_step),
                Cell::Yen(e.yen_at_next_step),
                e.effort_to_next_step.map_or(Cell::Empty, Cell::Int),
            ]
        })
        .collect();
    let headers = columns.iter().map(|c| text(&format!("effort.col.{c}"), lang)).collect();
    Workbook { sheets: vec![Sheet { name: text("effort.title", lang), headers, rows }] }
}
