//! The settlement model: a dataset prepared once for one period and as-of month
//! (offices interned and sorted, each office's inputs per premium kind, the
//! account transfer, incidents and the monthly inspection joined), so that
//! [`super::evaluate::evaluate`] is pure and cheap and can be run again and again
//! with other readings and overrides (what-if, Monte Carlo).

use super::settlement::{AccountTransferResult, SettleError};
use crate::core::calendar::{Period, YearMonth};
use crate::core::money::{self, frac, from_decimal, int, Exact, Overflow, Yen};
use crate::profiles::pension::calendar as national_pension;
use crate::profiles::pension::dataset::{Kind, Office, PensionDataset, Progress};
use num_traits::Zero;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;

/// The inputs of one premium kind of an office, at the as-of snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindInputs {
    pub kind: Kind,
    /// 納付対象月数 (T)
    pub due_months: i64,
    /// 控除納付月数
    pub excluded_paid_months: i64,
    /// 強制徴収収納月数 (F)
    pub forced_months: i64,
    /// 事業者督励月数 (P)
    pub promoted_months: i64,
    /// 目標督励納付率 as a fraction; `None` when missing or 0.
    pub target: Option<Exact>,
    /// 事務所別基本額 of this kind, exact (digest A4).
    pub base: Exact,
}

impl KindInputs {
    /// The rate's denominator, T − excluded − F (digest A2).
    pub fn denominator(&self) -> i64 {
        self.due_months - self.excluded_paid_months - self.forced_months
    }
}

/// One office's inputs for the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeInputs {
    pub code: String,
    pub name: String,
    pub prefecture: String,
    /// Index into [`Model::districts`].
    pub district: usize,
    /// In [`Kind::ALL`] order.
    pub kinds: [KindInputs; 3],
    /// Σ of the kinds' exact bases.
    pub base_sum: Exact,
    pub transfer: Option<AccountTransferResult>,
    /// Points of incidents dated in the period up to the as-of month (digest A7).
    pub incident_points: i64,
    /// A method's done count below plan in the as-of month (digest A9).
    pub plan_shortfall: bool,
}

/// One district: its fee for the period and its due months per kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictInputs {
    pub name: String,
    pub period_fee_yen: Yen,
    /// The district's 納付対象月数 per kind in [`Kind::ALL`] order: as given in
    /// the district table, else the sum over the offices loaded.
    pub due_months: [i64; 3],
    /// Whether each kind's total was given (#13 fix d); else the fee is shared
    /// over the offices loaded only.
    pub due_months_given: [bool; 3],
}

/// A dataset prepared for one period and as-of month. Offices are sorted by
/// code, districts by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub period: Period,
    pub as_of: YearMonth,
    pub offices: Vec<OfficeInputs>,
    pub districts: Vec<DistrictInputs>,
    /// (min points, deduction rate as a fraction), ascending; empty without a scale.
    pub incident_scale: Vec<(i64, Exact)>,
}

impl Model {
    /// The index of an office by its code.
    pub fn office_index(&self, code: &str) -> Option<usize> {
        self.offices.binary_search_by(|o| o.code.as_str().cmp(code)).ok()
    }

    /// The same offices under other period fees (one per district, in
    /// [`Model::districts`] order): each base computed again (digest A4).
    /// What a bid simulates for periods the data has no fee for.
    pub fn with_period_fees(&self, fees: &[Yen]) -> Result<Model, Overflow> {
        let mut model = self.clone();
        for (district, fee) in model.districts.iter_mut().zip(fees) {
            district.period_fee_yen = *fee;
        }
        for office in &mut model.offices {
            let district = &model.districts[office.district];
            let mut base_sum = Exact::zero();
            for k in &mut office.kinds {
                k.base =
                    office_base(district.period_fee_yen, k.due_months, district.due_months[k.kind.index()])?;
                base_sum = money::add(&base_sum, &k.base)?;
            }
            office.base_sum = base_sum;
        }
        Ok(model)
    }
}

/// Prepares one period of a dataset: every check that does not depend on the
/// reading, rounding or overrides is made here, once.
pub fn prepare(
    data: &PensionDataset,
    period: Option<u8>,
    as_of: Option<YearMonth>,
) -> Result<Model, Vec<SettleError>> {
    for (table, empty) in [
        ("offices", data.offices.is_empty()),
        ("fees", data.fees.is_empty()),
        ("progress", data.progress.is_empty()),
    ] {
        if empty {
            return Err(vec![SettleError::MissingTable { table: table.into() }]);
        }
    }
    let (period, as_of) = choose_period(data, period, as_of).map_err(|e| vec![e])?;
    let joined = Joined::new(data, period, as_of);
    if joined.snapshots.is_empty() {
        return Err(vec![SettleError::NoSnapshots { month: as_of }]);
    }
    let mut offices: Vec<&Office> = data.offices.iter().collect();
    offices.sort_by(|a, b| a.code.cmp(&b.code));
    let (districts, district_index) = districts(data, &offices, &joined, period, as_of)?;
    let offices = offices
        .into_iter()
        .map(|office| {
            let district = district_index[office.district.as_str()];
            office_inputs(office, district, &districts[district], &joined)
                .map_err(|_| vec![SettleError::Overflow { office_code: office.code.clone() }])
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut incident_scale: Vec<(i64, Exact)> = data
        .incident_scale
        .iter()
        .map(|row| (row.min_points, from_decimal(row.deduction_percent) / int(100)))
        .collect();
    incident_scale.sort_by_key(|(min, _)| *min);
    Ok(Model { period, as_of, offices, districts, incident_scale })
}

/// The tables joined by office (and kind) for one period and as-of month.
struct Joined<'a> {
    /// The progress rows of the as-of month.
    snapshots: FxHashMap<(&'a str, Kind), &'a Progress>,
    targets: FxHashMap<(&'a str, Kind), Exact>,
    transfers: FxHashMap<&'a str, AccountTransferResult>,
    /// Incident points in the period up to the as-of month (digest A7).
    points: FxHashMap<&'a str, i64>,
    /// Offices with a method below plan in the as-of month (digest A9).
    short: FxHashSet<&'a str>,
}

impl<'a> Joined<'a> {
    fn new(data: &'a PensionDataset, period: Period, as_of: YearMonth) -> Joined<'a> {
        let until = as_of.last_day();
        let mut points: FxHashMap<&str, i64> = FxHashMap::default();
        for i in data.incidents.iter().filter(|i| period.contains_date(i.date) && i.date <= until) {
            *points.entry(i.office_code.as_str()).or_default() += i.points;
        }
        let in_period = |p: u8| p == period.number;
        Joined {
            snapshots: data
                .progress
                .iter()
                .filter(|p| p.month == as_of)
                .map(|p| ((p.office_code.as_str(), p.kind), p))
                .collect(),
            targets: data
                .targets
                .iter()
                .filter(|t| in_period(t.period))
                .map(|t| ((t.office_code.as_str(), t.kind), from_decimal(t.rate_percent) / int(100)))
                .collect(),
            transfers: data
                .account_transfers
                .iter()
                .filter(|t| in_period(t.period))
                .map(|t| {
                    let counts = AccountTransferResult {
                        target_count: t.target_count,
                        acquired_count: t.acquired_count,
                    };
                    (t.office_code.as_str(), counts)
                })
                .collect(),
            points,
            short: data
                .activity
                .iter()
                .filter(|a| a.month == as_of && a.done < a.planned)
                .map(|a| a.office_code.as_str())
                .collect(),
        }
    }
}

/// The districts sorted by name, and each one's index by name.
type Districts<'a> = (Vec<DistrictInputs>, FxHashMap<&'a str, usize>);

/// The districts (sorted by name) with their fees and due months, and each
/// district's index; or every missing snapshot and fee.
fn districts<'a>(
    data: &'a PensionDataset,
    offices: &[&'a Office],
    joined: &Joined,
    period: Period,
    as_of: YearMonth,
) -> Result<Districts<'a>, Vec<SettleError>> {
    let mut errors = Vec::new();
    for office in offices {
        for kind in Kind::ALL {
            if !joined.snapshots.contains_key(&(office.code.as_str(), kind)) {
                errors.push(SettleError::MissingSnapshot {
                    office_code: office.code.clone(),
                    kind,
                    month: as_of,
                });
            }
        }
    }
    let fees: FxHashMap<&str, Yen> = data
        .fees
        .iter()
        .filter(|f| f.period == period.number)
        .map(|f| (f.district.as_str(), f.fee_yen))
        .collect();
    let names: BTreeSet<&str> = offices.iter().map(|o| o.district.as_str()).collect();
    for name in &names {
        if !fees.contains_key(name) {
            errors.push(SettleError::MissingFee { district: name.to_string(), period: period.number });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let index: FxHashMap<&str, usize> = names.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let mut districts: Vec<DistrictInputs> = names
        .iter()
        .map(|name| DistrictInputs {
            name: name.to_string(),
            period_fee_yen: fees[name],
            due_months: [0; 3],
            due_months_given: [false; 3],
        })
        .collect();
    for office in offices {
        let district = &mut districts[index[office.district.as_str()]];
        for kind in Kind::ALL {
            district.due_months[kind.index()] += joined.snapshots[&(office.code.as_str(), kind)].due_months;
        }
    }
    for given in data.district_due_months.iter().filter(|g| g.month == as_of) {
        let Some(district) = index.get(given.district.as_str()).map(|i| &mut districts[*i]) else { continue };
        let loaded = district.due_months[given.kind.index()];
        if given.due_months < loaded {
            errors.push(SettleError::DistrictTotalBelowOffices {
                district: given.district.clone(),
                kind: given.kind,
                given: given.due_months,
                loaded,
            });
        }
        district.due_months[given.kind.index()] = given.due_months;
        district.due_months_given[given.kind.index()] = true;
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((districts, index))
}

/// One office's inputs, its exact bases computed (digest A4).
fn office_inputs(
    office: &Office,
    district_index: usize,
    district: &DistrictInputs,
    joined: &Joined,
) -> Result<OfficeInputs, Overflow> {
    let code = office.code.as_str();
    let kind_inputs = |kind: Kind| -> Result<KindInputs, Overflow> {
        let s = joined.snapshots[&(code, kind)];
        Ok(KindInputs {
            kind,
            due_months: s.due_months,
            excluded_paid_months: s.excluded_paid_months,
            forced_months: s.forced_months,
            promoted_months: s.promoted_months,
            target: joined.targets.get(&(code, kind)).filter(|t| !t.is_zero()).cloned(),
            base: office_base(district.period_fee_yen, s.due_months, district.due_months[kind.index()])?,
        })
    };
    let kinds = [kind_inputs(Kind::Current)?, kind_inputs(Kind::Past1)?, kind_inputs(Kind::Past2)?];
    let mut base_sum = Exact::zero();
    for k in &kinds {
        base_sum = money::add(&base_sum, &k.base)?;
    }
    Ok(OfficeInputs {
        code: office.code.clone(),
        name: office.name.clone(),
        prefecture: office.prefecture.clone(),
        district: district_index,
        kinds,
        base_sum,
        transfer: joined.transfers.get(code).cloned(),
        incident_points: joined.points.get(code).copied().unwrap_or(0),
        plan_shortfall: joined.short.contains(code),
    })
}

/// The period and as-of month a settlement reads: the user's, or the latest
/// the progress data reaches (see ARCHITECTURE.md, "Default period and as-of").
fn choose_period(
    data: &PensionDataset,
    period: Option<u8>,
    as_of: Option<YearMonth>,
) -> Result<(Period, YearMonth), SettleError> {
    let latest = data.progress.iter().map(|p| p.month).max();
    let number = match (period, as_of) {
        (Some(n), _) => n,
        (None, Some(as_of)) => national_pension::period_of(as_of).map_or(0, |p| p.number),
        (None, None) => latest.and_then(national_pension::period_of).map_or(1, |p| p.number),
    };
    let period = national_pension::period(number).ok_or(SettleError::NoSuchPeriod { period: number })?;
    let as_of = match as_of {
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

/// 事務所別基本額 (digest A4): period_fee × 1/3 × T_office ÷ T_district, exactly.
/// A district with no due months for a kind allocates nothing for it.
pub fn office_base(period_fee: Yen, office_due: i64, district_due: i64) -> Result<Exact, Overflow> {
    if district_due == 0 {
        return Ok(Exact::zero());
    }
    money::mul(&int(period_fee), &frac(office_due, 3 * district_due))
}
