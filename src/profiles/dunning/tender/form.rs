//! The build-up as the tender page's form: every field as typed, read into
//! a [`BuildUpInput`] here; the rows the page draws, each with its volume
//! field and the unit cost it is priced at.

use super::buildup::{seed_visits, seed_volumes, BuildUpInput, UnitCosts};
use crate::core::import::values::{parse_count, parse_percent, parse_yen};
use crate::profiles::dunning::blocks::{Block, DebtKind, Work, COORDINATORS, RECOVERY_LOWER_BOUNDS};

/// A unit cost of the form (`tender.cost.<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Cost {
    Letter,
    PhoneNotice,
    LocationCheck,
    Visit,
    Recovery1To3m,
    Recovery3To5m,
    Recovery5To10m,
    Recovery10To30m,
    Coordinator,
}

impl Cost {
    pub const ALL: &'static [Cost] = <Cost as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// A row of the build-up: what it is (`tender.row.<code>`), its debt kind,
/// and its unit cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub code: &'static str,
    pub kind: Option<DebtKind>,
    pub cost: Cost,
}

/// The rows in the form's order: per debt kind the three works and visits,
/// then recovery by band and the coordinators.
pub fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for kind in DebtKind::ALL {
        for (code, cost) in [
            (Work::Letters.code(), Cost::Letter),
            (Work::PhoneNotices.code(), Cost::PhoneNotice),
            (Work::LocationChecks.code(), Cost::LocationCheck),
            ("visits", Cost::Visit),
        ] {
            rows.push(Row { code, kind: Some(*kind), cost });
        }
    }
    for cost in [Cost::Recovery1To3m, Cost::Recovery3To5m, Cost::Recovery5To10m, Cost::Recovery10To30m] {
        rows.push(Row { code: cost.code(), kind: Some(DebtKind::ThirdParty), cost });
    }
    rows.push(Row { code: "coordinators", kind: None, cost: Cost::Coordinator });
    rows
}

/// The form: a volume per row (as [`rows`]), a unit cost per [`Cost`], and the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildUpForm {
    pub block: Block,
    pub volumes: Vec<String>,
    pub costs: Vec<String>,
    pub other_project: String,
    pub admin_percent: String,
    pub tax_rate_percent: String,
}

impl BuildUpForm {
    /// The seed's volumes for `block`, the unit costs empty (¥0).
    pub fn for_block(block: Block) -> BuildUpForm {
        let (v, visits, b) = (seed_volumes(block), seed_visits(block), block.index());
        let mut volumes = Vec::new();
        for k in 0..3 {
            volumes.extend(v[k].iter().chain([&visits[k]]).map(i64::to_string));
        }
        volumes.extend(RECOVERY_LOWER_BOUNDS[b].iter().map(i64::to_string));
        volumes.push(COORDINATORS[b].to_string());
        BuildUpForm {
            block,
            volumes,
            costs: vec![String::new(); Cost::ALL.len()],
            other_project: String::new(),
            admin_percent: "10".into(),
            tax_rate_percent: "8".into(),
        }
    }

    /// The build-up the form says, or the fields that do not read
    /// (`volume.<i>`, `cost.<code>`, `other_project`, `admin_percent`, `tax_rate_percent`).
    pub fn read(&self) -> Result<BuildUpInput, Vec<String>> {
        let mut bad = Vec::new();
        let mut count = |name: String, text: &str| parse_count(text).map_err(|_| bad.push(name)).unwrap_or(0);
        let v: Vec<i64> =
            self.volumes.iter().enumerate().map(|(i, t)| count(format!("volume.{i}"), t)).collect();
        let mut yen = |name: String, text: &str| {
            if text.trim().is_empty() {
                return 0;
            }
            parse_yen(text).map_err(|_| bad.push(name)).unwrap_or(0)
        };
        let c: Vec<i64> =
            Cost::ALL.iter().zip(&self.costs).map(|(k, t)| yen(format!("cost.{}", k.code()), t)).collect();
        let other_project_yen = yen("other_project".into(), &self.other_project);
        let mut percent = |name: &str, text: &str| {
            parse_percent(text).map_err(|_| bad.push(name.into())).unwrap_or_default()
        };
        let admin_percent = percent("admin_percent", &self.admin_percent);
        let tax_rate_percent = percent("tax_rate_percent", &self.tax_rate_percent);
        if !bad.is_empty() || v.len() != 17 || c.len() != 9 {
            return Err(bad);
        }
        let kind = |k: usize| [v[4 * k], v[4 * k + 1], v[4 * k + 2]];
        Ok(BuildUpInput {
            block: self.block,
            volumes: Some([kind(0), kind(1), kind(2)]),
            visits: Some([v[3], v[7], v[11]]),
            recovery_cases: Some([v[12], v[13], v[14], v[15]]),
            coordinators: Some(v[16]),
            unit_costs: UnitCosts {
                letter: c[0],
                phone_notice: c[1],
                location_check: c[2],
                visit: c[3],
                recovery: [c[4], c[5], c[6], c[7]],
                coordinator: c[8],
            },
            other_project_yen,
            admin_percent,
            tax_rate_percent,
        })
    }
}
