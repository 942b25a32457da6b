//! The price build-up (#15 point 5): per debt kind and work, planned volumes
//! × unit costs the bidder enters, volumes defaulting to the seed's caps for
//! the block (the visits are the seed's 【参考値】, a reference estimate);
//! then 事業費, 管理諸経費, 小計, 消費税 and the contract amount (the lines of
//! 別紙「委託費交付内訳」), and the bid to write for it.

use super::price::{bid_price, BidPrice, TaxRate};
use crate::core::money::Yen;
use crate::profiles::dunning::blocks::{self, Block, DebtKind, Work, COORDINATORS, RECOVERY_LOWER_BOUNDS};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Unit costs in yen (a coordinator: per person for the contract).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitCosts {
    #[serde(default)]
    pub letter: Yen,
    #[serde(default)]
    pub phone_notice: Yen,
    #[serde(default)]
    pub location_check: Yen,
    #[serde(default)]
    pub visit: Yen,
    /// Per recovery case, by amount band (100～300万円 … 1000～3000万円).
    #[serde(default)]
    pub recovery: [Yen; 4],
    #[serde(default)]
    pub coordinator: Yen,
}

/// A bidder's build-up for one block, as the page saves it and `shuno
/// bid-price --build FILE` reads it. Every volume left out is the seed's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildUpInput {
    pub block: Block,
    /// `[debt kind][work]`: letters, phone notices, location checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<[[i64; 3]; 3]>,
    /// Visits per debt kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits: Option<[i64; 3]>,
    /// Recovery cases per amount band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_cases: Option<[i64; 4]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinators: Option<i64>,
    pub unit_costs: UnitCosts,
    /// Other 事業費 (system, premises, …) in yen.
    #[serde(default)]
    pub other_project_yen: Yen,
    /// 管理諸経費 as a percentage of 事業費 (fractions of a yen dropped).
    #[serde(default)]
    pub admin_percent: Decimal,
    /// The consumption tax rate in percent (the seed's 8; 10 today).
    #[serde(default = "eight")]
    pub tax_rate_percent: Decimal,
}

fn eight() -> Decimal {
    Decimal::from(8)
}

/// What a line of the build-up costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "item")]
pub enum Item {
    Work { work: Work },
    Visits,
    Recovery { band: usize },
    Coordinators,
    OtherProject,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    #[serde(flatten)]
    pub item: Item,
    pub kind: Option<DebtKind>,
    pub volume: i64,
    pub unit_cost: Yen,
    pub amount_yen: Yen,
}

/// The build-up, line by line, and the bid it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildUp {
    pub block: Block,
    pub lines: Vec<Line>,
    /// 事業費
    pub project_yen: Yen,
    /// 管理諸経費
    pub admin_yen: Yen,
    /// 小計
    pub subtotal_yen: Yen,
    /// 消費税 (fractions dropped)
    pub tax_yen: Yen,
    /// 合計: the contract amount
    pub contract_amount_yen: Yen,
    pub bid: BidPrice,
}

/// Why a build-up cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuildUpError {
    /// A volume or cost below zero, or a rate outside 0–100.
    Negative,
    TaxRate,
    Overflow,
}

/// The seed's volumes for a block: `[debt kind][work]`.
pub fn seed_volumes(block: Block) -> [[i64; 3]; 3] {
    [DebtKind::ThirdParty, DebtKind::CostRecovery, DebtKind::Refund]
        .map(|k| blocks::table(k).caps[block.index()])
}

/// The seed's visits 【参考値】 per debt kind for a block.
pub fn seed_visits(block: Block) -> [i64; 3] {
    [DebtKind::ThirdParty, DebtKind::CostRecovery, DebtKind::Refund]
        .map(|k| blocks::table(k).visits[block.index()])
}

/// Builds the price up.
pub fn build_up(input: &BuildUpInput) -> Result<BuildUp, BuildUpError> {
    let b = input.block;
    let volumes = input.volumes.unwrap_or_else(|| seed_volumes(b));
    let visits = input.visits.unwrap_or_else(|| seed_visits(b));
    let cases = input.recovery_cases.unwrap_or(RECOVERY_LOWER_BOUNDS[b.index()]);
    let coordinators = input.coordinators.unwrap_or(COORDINATORS[b.index()]);
    let u = &input.unit_costs;
    let mut lines = Vec::new();
    for kind in DebtKind::ALL {
        let i = kind.index();
        for (w, work) in Work::ALL.iter().enumerate() {
            let cost = [u.letter, u.phone_notice, u.location_check][w];
            lines.push((Item::Work { work: *work }, Some(*kind), volumes[i][w], cost));
        }
        lines.push((Item::Visits, Some(*kind), visits[i], u.visit));
    }
    for (band, n) in cases.iter().enumerate() {
        lines.push((Item::Recovery { band }, Some(DebtKind::ThirdParty), *n, u.recovery[band]));
    }
    lines.push((Item::Coordinators, None, coordinators, u.coordinator));
    lines.push((Item::OtherProject, None, 1, input.other_project_yen));
    if lines.iter().any(|(_, _, n, c)| *n < 0 || *c < 0) || input.admin_percent < Decimal::ZERO {
        return Err(BuildUpError::Negative);
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|(item, kind, volume, unit_cost)| {
            let amount_yen = volume.checked_mul(unit_cost).ok_or(BuildUpError::Overflow)?;
            Ok(Line { item, kind, volume, unit_cost, amount_yen })
        })
        .collect::<Result<_, _>>()?;
    let project_yen =
        lines.iter().try_fold(0 as Yen, |s, l| s.checked_add(l.amount_yen)).ok_or(BuildUpError::Overflow)?;
    let admin = TaxRate::percent(input.admin_percent).ok_or(BuildUpError::TaxRate)?;
    let admin_yen = admin.floor_of(project_yen).ok_or(BuildUpError::Overflow)?;
    let subtotal_yen = project_yen.checked_add(admin_yen).ok_or(BuildUpError::Overflow)?;
    let rate = TaxRate::percent(input.tax_rate_percent).ok_or(BuildUpError::TaxRate)?;
    let tax_yen = rate.floor_of(subtotal_yen).ok_or(BuildUpError::Overflow)?;
    let contract_amount_yen = subtotal_yen.checked_add(tax_yen).ok_or(BuildUpError::Overflow)?;
    let bid = bid_price(contract_amount_yen, input.tax_rate_percent).ok_or(BuildUpError::Overflow)?;
    Ok(BuildUp { block: b, lines, project_yen, admin_yen, subtotal_yen, tax_yen, contract_amount_yen, bid })
}
