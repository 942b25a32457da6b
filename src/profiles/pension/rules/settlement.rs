//! The settlement of one period (digest A4–A9): office bases, achievement
//! adjustments, account-transfer and incident adjustments, totals and flags.
//!
//! Every yen figure is an exact fraction rounded once by the chosen [`Rounding`]:
//! each base (per kind), each achievement adjustment (per kind), the
//! account-transfer adjustment and the incident deduction. Totals are sums of
//! those rounded figures.

use super::achievement::{achievement_fraction, stepped_percent, BandMode};
use super::activity::methods_below_plan;
use crate::core::calendar::{Period, YearMonth};
use crate::core::i18n::Lang;
use crate::core::money::{self, frac, from_decimal, int, to_decimal, Exact, Overflow, Rounding, Yen};
use crate::profiles::pension::calendar as national_pension;
use crate::profiles::pension::dataset::{Incident, Kind, Office, PensionDataset, Progress};
use num_traits::Zero;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Decimal places of rates and ratios in the output (display only).
pub const RATE_PLACES: u32 = 10;

/// What the user chose for a settlement run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SettleOptions {
    /// Period 1–3; `None` = the latest period the progress data reaches.
    pub period: Option<u8>,
    /// Snapshot month; `None` = the period's last month, or the latest month with
    /// data in the period (then the result is marked provisional).
    pub as_of: Option<YearMonth>,
    pub band_mode: BandMode,
    pub rounding: Rounding,
}

/// Why a dataset cannot be settled. Every variant names what to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum SettleError {
    MissingTable { table: String },
    NoSuchPeriod { period: u8 },
    AsOfOutsidePeriod { as_of: YearMonth, period: u8 },
    NoSnapshots { month: YearMonth },
    MissingSnapshot { office_code: String, kind: Kind, month: YearMonth },
    MissingFee { district: String, period: u8 },
    IncidentsWithoutScale { office_code: String, points: i64 },
    Overflow { office_code: String },
}

impl SettleError {
    pub fn message(&self, lang: Lang) -> String {
        let l = lang.code();
        match self {
            SettleError::MissingTable { table } => {
                rust_i18n::t!("settle.missing_table", locale = l, table = table).into()
            }
            SettleError::NoSuchPeriod { period } => {
                rust_i18n::t!("settle.no_such_period", locale = l, period = period).into()
            }
            SettleError::AsOfOutsidePeriod { as_of, period } => {
                rust_i18n::t!("settle.as_of_outside", locale = l, as_of = as_of, period = period).into()
            }
            SettleError::NoSnapshots { month } => {
                rust_i18n::t!("settle.no_snapshots", locale = l, month = month).into()
            }
            SettleError::MissingSnapshot { office_code, kind, month } => rust_i18n::t!(
                "settle.missing_snapshot",
                locale = l,
                office = office_code,
                kind = kind.japanese(),
                month = month
            )
            .into(),
            SettleError::MissingFee { district, period } => {
                rust_i18n::t!("settle.missing_fee", locale = l, district = district, period = period).into()
            }
            SettleError::IncidentsWithoutScale { office_code, points } => rust_i18n::t!(
                "settle.incidents_without_scale",
                locale = l,
                office = office_code,
                points = points
            )
            .into(),
            SettleError::Overflow { office_code } => {
                rust_i18n::t!("settle.overflow", locale = l, office = office_code).into()
            }
        }
    }
}

/// The rules in force, written into every output so a figure is never read
/// without them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesInForce {
    pub profile: String,
    pub band_mode: BandMode,
    pub rounding: Rounding,
    pub rounded_once: String,
    pub excess_steps: String,
    pub shortfall_steps: String,
    pub band_edges: String,
    pub cap_percent: Decimal,
    pub account_transfer: String,
    pub incidents: String,
    pub flags: String,
}

impl RulesInForce {
    fn new(band_mode: BandMode, rounding: Rounding) -> RulesInForce {
        RulesInForce {
            profile: "A national pension (seed 000, Ⅱ3)".into(),
            band_mode,
            rounding,
            rounded_once: "each base per kind, each achievement adjustment per kind, the account-transfer adjustment and the incident deduction; office total = sum of these rounded figures".into(),
            excess_steps: "excess floored to 0.1 % steps (切り下げ)".into(),
            shortfall_steps: "shortfall ceiled to 0.1 % steps (切り上げ)".into(),
            band_edges: "110.0 % and 120.0 % take the band they open; 95.0 % and 80.0 % take the band from that ratio upward".into(),
            cap_percent: Decimal::new(25, 0),
            account_transfer: "+5 % of the office's summed exact base when acquired > target, −3.5 % when acquired < target, 0 when equal or no row".into(),
            incidents: "points of incidents dated in the period up to the as-of month pick the scale row with the largest min_points not above them (0 points: no deduction); rate capped at 5 % of the office's summed exact base".into(),
            flags: "instruction_risk: every kind with a ratio below 80 %; steep_decrease:KIND: ratio below 95 %; missing_target:KIND; no_denominator:KIND; plan_shortfall: a method's done count below plan in the as-of month (monthly inspection, A9); district all_below_80: every ratio of every office below 80 %".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindSettlement {
    pub kind: Kind,
    pub due_months: i64,
    pub excluded_paid_months: i64,
    pub forced_months: i64,
    pub promoted_months: i64,
    /// 督励納付率 as a fraction, `None` when the denominator is 0 or less.
    pub rate: Option<Decimal>,
    /// 目標督励納付率 as a fraction, `None` when missing or 0.
    pub target: Option<Decimal>,
    /// 達成割合 = rate ÷ target, `None` without both.
    pub ratio: Option<Decimal>,
    /// The ratio as the rule reads it, in percent with one decimal (excess floored,
    /// shortfall ceiled to 0.1 %): the figure shown beside the adjustment.
    pub ratio_stepped_percent: Option<Decimal>,
    /// The adjustment as a percentage of the base (e.g. "-12.5").
    pub adjustment_percent: Decimal,
    pub base_yen: Yen,
    pub achievement_adjustment_yen: Yen,
    pub flags: Vec<String>,
    /// The exact ratio behind `ratio`, for comparisons at band edges.
    #[serde(skip)]
    pub exact_ratio: Option<Exact>,
}

impl KindSettlement {
    /// Whether the exact ratio is below `percent` %.
    pub fn ratio_below(&self, percent: i64) -> bool {
        self.exact_ratio.as_ref().is_some_and(|r| *r < frac(percent, 100))
    }
}

/// Whether every kind that has a ratio is below 80 % (and at least one has one):
/// the instruction trigger of digest A9.
pub fn all_below_80<'a>(kinds: impl IntoIterator<Item = &'a KindSettlement>) -> bool {
    let mut any = false;
    for k in kinds {
        if k.exact_ratio.is_some() {
            any = true;
            if !k.ratio_below(80) {
                return false;
            }
        }
    }
    any
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountTransferResult {
    pub target_count: i64,
    pub acquired_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeSettlement {
    pub office_code: String,
    pub office_name: String,
    pub prefecture: String,
    pub district: String,
    pub kinds: Vec<KindSettlement>,
    pub base_yen: Yen,
    pub achievement_adjustment_yen: Yen,
    pub account_transfer: Option<AccountTransferResult>,
    pub account_transfer_adjustment_yen: Yen,
    pub incident_points: i64,
    /// Deduction rate as a percentage (e.g. "1.5").
    pub incident_deduction_percent: Decimal,
    /// Zero or negative.
    pub incident_deduction_yen: Yen,
    pub total_yen: Yen,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictSettlement {
    pub district: String,
    pub period_fee_yen: Yen,
    pub office_count: usize,
    pub base_yen: Yen,
    pub achievement_adjustment_yen: Yen,
    pub account_transfer_adjustment_yen: Yen,
    pub incident_deduction_yen: Yen,
    pub total_yen: Yen,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    pub period: u8,
    pub period_first: YearMonth,
    pub period_last: YearMonth,
    pub as_of: YearMonth,
    /// True when `as_of` is before the period's last month.
    pub provisional: bool,
    pub rules: RulesInForce,
    pub offices: Vec<OfficeSettlement>,
    pub districts: Vec<DistrictSettlement>,
}

/// Settles one period of a profile-A dataset.
pub fn settle(data: &PensionDataset, options: &SettleOptions) -> Result<Settlement, Vec<SettleError>> {
    for (table, empty) in [
        ("offices", data.offices.is_empty()),
        ("fees", data.fees.is_empty()),
        ("progress", data.progress.is_empty()),
    ] {
        if empty {
            return Err(vec![SettleError::MissingTable { table: table.into() }]);
        }
    }
    let (period, as_of) = choose_period(data, options).map_err(|e| vec![e])?;
    let snapshots = snapshots_at(data, as_of);
    if snapshots.is_empty() {
        return Err(vec![SettleError::NoSnapshots { month: as_of }]);
    }

    let mut errors = Vec::new();
    for office in &data.offices {
        for kind in Kind::ALL {
            if !snapshots.contains_key(&(office.code.as_str(), kind)) {
                errors.push(SettleError::MissingSnapshot {
                    office_code: office.code.clone(),
                    kind,
                    month: as_of,
                });
            }
        }
    }
    let fees: BTreeMap<&str, Yen> = data
        .fees
        .iter()
        .filter(|f| f.period == period.number)
        .map(|f| (f.district.as_str(), f.fee_yen))
        .collect();
    let districts: BTreeSet<&str> = data.offices.iter().map(|o| o.district.as_str()).collect();
    for district in &districts {
        if !fees.contains_key(district) {
            errors.push(SettleError::MissingFee { district: district.to_string(), period: period.number });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let district_due: BTreeMap<(&str, Kind), i64> = {
        let mut sums = BTreeMap::new();
        for office in &data.offices {
            for kind in Kind::ALL {
                *sums.entry((office.district.as_str(), kind)).or_insert(0) +=
                    snapshots[&(office.code.as_str(), kind)].due_months;
            }
        }
        sums
    };

    let context = Context {
        data,
        options,
        period,
        as_of,
        snapshots: &snapshots,
        fees: &fees,
        district_due: &district_due,
    };
    let mut offices = Vec::with_capacity(data.offices.len());
    for office in &data.offices {
        match context.settle_office(office) {
            Ok(o) => offices.push(o),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    offices.sort_by(|a, b| a.office_code.cmp(&b.office_code));
    let districts =
        districts.into_iter().map(|d| district_summary(d, fees[d], &offices, &district_due)).collect();

    Ok(Settlement {
        period: period.number,
        period_first: period.first,
        period_last: period.last(),
        as_of,
        provisional: as_of < period.last(),
        rules: RulesInForce::new(options.band_mode, options.rounding),
        offices,
        districts,
    })
}

fn choose_period(data: &PensionDataset, options: &SettleOptions) -> Result<(Period, YearMonth), SettleError> {
    let latest = data.progress.iter().map(|p| p.month).max();
    let number = match (options.period, options.as_of) {
        (Some(n), _) => n,
        (None, Some(as_of)) => national_pension::period_of(as_of).map_or(0, |p| p.number),
        (None, None) => latest.and_then(national_pension::period_of).map_or(1, |p| p.number),
    };
    let period = national_pension::period(number).ok_or(SettleError::NoSuchPeriod { period: number })?;
    let as_of = match options.as_of {
        Some(as_of) if period.contains(as_of) => as_of,
        Some(as_of) => return Err(SettleError::AsOfOutsidePeriod { as_of, period: number }),
        None => data
            .progress
            .iter()
            .map(|p| p.month)
            .filter(|m| period.contains(*m))
            .max()
            .unwrap_or(period.last()),
    };
    Ok((period, as_of))
}

fn snapshots_at(data: &PensionDataset, month: YearMonth) -> BTreeMap<(&str, Kind), &Progress> {
    data.progress.iter().filter(|p| p.month == month).map(|p| ((p.office_code.as_str(), p.kind), p)).collect()
}

struct Context<'a> {
    data: &'a PensionDataset,
    options: &'a SettleOptions,
    period: Period,
    as_of: YearMonth,
    snapshots: &'a BTreeMap<(&'a str, Kind), &'a Progress>,
    fees: &'a BTreeMap<&'a str, Yen>,
    district_due: &'a BTreeMap<(&'a str, Kind), i64>,
}

impl Context<'_> {
    fn settle_office(&self, office: &Office) -> Result<OfficeSettlement, SettleError> {
        let overflow = |_: Overflow| SettleError::Overflow { office_code: office.code.clone() };
        let rounding = self.options.rounding;
        let fee = self.fees[office.district.as_str()];
        let mut kinds = Vec::with_capacity(3);
        let mut base_sum = Exact::zero();
        for kind in Kind::ALL {
            let snapshot = self.snapshots[&(office.code.as_str(), kind)];
            let district_due = self.district_due[&(office.district.as_str(), kind)];
            let base = office_base(fee, snapshot.due_months, district_due).map_err(overflow)?;
            base_sum = money::add(&base_sum, &base).map_err(overflow)?;
            let target = self.target(office, kind);
            kinds.push(self.kind_result(snapshot, target, &base).map_err(overflow)?);
        }

        let transfer = self
            .data
            .account_transfers
            .iter()
            .find(|t| t.office_code == office.code && t.period == self.period.number);
        let transfer_rate = transfer.map_or(Exact::zero(), |t| match t.acquired_count.cmp(&t.target_count) {
            std::cmp::Ordering::Greater => frac(5, 100),
            std::cmp::Ordering::Less => frac(-35, 1000),
            std::cmp::Ordering::Equal => Exact::zero(),
        });
        let transfer_yen =
            rounding.to_yen(&money::mul(&base_sum, &transfer_rate).map_err(overflow)?).map_err(overflow)?;

        let incident_points = self.incident_points(office);
        let incident_rate = self.incident_rate(office, incident_points)?;
        let incident_yen =
            rounding.to_yen(&money::mul(&base_sum, &-incident_rate).map_err(overflow)?).map_err(overflow)?;

        let base_yen: Yen = kinds.iter().map(|k| k.base_yen).sum();
        let achievement_yen: Yen = kinds.iter().map(|k| k.achievement_adjustment_yen).sum();
        let mut flags = Vec::new();
        if all_below_80(&kinds) {
            flags.push("instruction_risk".to_string());
        }
        if !methods_below_plan(self.data, &office.code, self.as_of).is_empty() {
            flags.push("plan_shortfall".to_string());
        }
        for k in &kinds {
            flags.extend(k.flags.iter().map(|f| format!("{f}:{}", k.kind.code())));
        }
        Ok(OfficeSettlement {
            office_code: office.code.clone(),
            office_name: office.name.clone(),
            prefecture: office.prefecture.clone(),
            district: office.district.clone(),
            kinds,
            base_yen,
            achievement_adjustment_yen: achievement_yen,
            account_transfer: transfer.map(|t| AccountTransferResult {
                target_count: t.target_count,
                acquired_count: t.acquired_count,
            }),
            account_transfer_adjustment_yen: transfer_yen,
            incident_points,
            incident_deduction_percent: to_decimal(&(incident_rate * int(100)), 4).normalize(),
            incident_deduction_yen: incident_yen,
            total_yen: base_yen + achievement_yen + transfer_yen + incident_yen,
            flags,
        })
    }

    /// The target as an exact fraction, `None` when missing or 0.
    fn target(&self, office: &Office, kind: Kind) -> Option<Exact> {
        self.data
            .targets
            .iter()
            .find(|t| t.office_code == office.code && t.period == self.period.number && t.kind == kind)
            .map(|t| from_decimal(t.rate_percent) / int(100))
            .filter(|t| !t.is_zero())
    }

    fn kind_result(
        &self,
        snapshot: &Progress,
        target: Option<Exact>,
        base: &Exact,
    ) -> Result<KindSettlement, Overflow> {
        let denominator = snapshot.denominator();
        let rate = (denominator > 0).then(|| frac(snapshot.promoted_months, denominator));
        let ratio = match (&rate, &target) {
            (Some(rate), Some(target)) => money::div(rate, target)?,
            _ => None,
        };
        let fraction = match &ratio {
            Some(ratio) => achievement_fraction(ratio, self.options.band_mode)?,
            None => Exact::zero(),
        };
        let adjustment = money::mul(base, &fraction)?;
        let mut flags = Vec::new();
        if rate.is_none() {
            flags.push("no_denominator".to_string());
        }
        if target.is_none() {
            flags.push("missing_target".to_string());
        }
        if ratio.as_ref().is_some_and(|r| *r < frac(95, 100)) {
            flags.push("steep_decrease".to_string());
        }
        let rounding = self.options.rounding;
        Ok(KindSettlement {
            kind: snapshot.kind,
            due_months: snapshot.due_months,
            excluded_paid_months: snapshot.excluded_paid_months,
            forced_months: snapshot.forced_months,
            promoted_months: snapshot.promoted_months,
            rate: rate.as_ref().map(|r| to_decimal(r, RATE_PLACES)),
            target: target.as_ref().map(|t| to_decimal(t, RATE_PLACES).normalize()),
            ratio: ratio.as_ref().map(|r| to_decimal(r, RATE_PLACES)),
            ratio_stepped_percent: match &ratio {
                Some(r) => Some(to_decimal(&stepped_percent(r)?, 1)),
                None => None,
            },
            adjustment_percent: to_decimal(&money::mul(&fraction, &int(100))?, 4).normalize(),
            base_yen: rounding.to_yen(base)?,
            achievement_adjustment_yen: rounding.to_yen(&adjustment)?,
            flags,
            exact_ratio: ratio,
        })
    }

    fn incident_points(&self, office: &Office) -> i64 {
        incidents_in_period(self.data, &office.code, self.period, self.as_of).iter().map(|i| i.points).sum()
    }

    /// The deduction rate (a fraction, ≤ 5 %) for the accumulated points.
    fn incident_rate(&self, office: &Office, points: i64) -> Result<Exact, SettleError> {
        if points <= 0 {
            return Ok(Exact::zero());
        }
        if self.data.incident_scale.is_empty() {
            return Err(SettleError::IncidentsWithoutScale { office_code: office.code.clone(), points });
        }
        let rate = self
            .data
            .incident_scale
            .iter()
            .filter(|row| row.min_points <= points)
            .max_by_key(|row| row.min_points)
            .map_or(Exact::zero(), |row| from_decimal(row.deduction_percent) / int(100));
        Ok(rate.min(frac(5, 100)))
    }
}

/// The incidents that count for an office's settlement: dated in the period, not
/// after the as-of month (digest A7).
pub fn incidents_in_period(
    data: &PensionDataset,
    office: &str,
    period: Period,
    as_of: YearMonth,
) -> Vec<Incident> {
    let until = as_of.last_day();
    data.incidents
        .iter()
        .filter(|i| i.office_code == office && period.contains_date(i.date) && i.date <= until)
        .cloned()
        .collect()
}

/// 事務所別基本額 (digest A4): period_fee × 1/3 × T_office ÷ T_district, exactly.
/// A district with no due months for a kind allocates nothing for it.
pub fn office_base(period_fee: Yen, office_due: i64, district_due: i64) -> Result<Exact, Overflow> {
    if district_due == 0 {
        return Ok(Exact::zero());
    }
    money::mul(&int(period_fee), &frac(office_due, 3 * district_due))
}

fn district_summary(
    district: &str,
    fee: Yen,
    offices: &[OfficeSettlement],
    district_due: &BTreeMap<(&str, Kind), i64>,
) -> DistrictSettlement {
    let members: Vec<&OfficeSettlement> = offices.iter().filter(|o| o.district == district).collect();
    let sum = |f: fn(&OfficeSettlement) -> Yen| members.iter().map(|o| f(o)).sum::<Yen>();
    let mut flags = Vec::new();
    if all_below_80(members.iter().flat_map(|o| &o.kinds)) {
        flags.push("all_below_80".to_string());
    }
    for kind in Kind::ALL {
        if district_due.get(&(district, kind)).copied().unwrap_or(0) == 0 {
            flags.push(format!("no_due_months:{}", kind.code()));
        }
    }
    DistrictSettlement {
        district: district.to_string(),
        period_fee_yen: fee,
        office_count: members.len(),
        base_yen: sum(|o| o.base_yen),
        achievement_adjustment_yen: sum(|o| o.achievement_adjustment_yen),
        account_transfer_adjustment_yen: sum(|o| o.account_transfer_adjustment_yen),
        incident_deduction_yen: sum(|o| o.incident_deduction_yen),
        total_yen: sum(|o| o.total_yen),
        flags,
    }
}
