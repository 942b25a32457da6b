//! The 入札試算 page's form as data: every field as typed, read into a
//! [`BidInput`] here (not in the page), each field that does not read named
//! with its value. Percentages are entered as percent ("100", "5", "50 %");
//! the file holds fractions.

use super::input::{BidInput, FeeEntry, Performance, Synthetic, TargetEntry, TransferDraw};
use crate::core::import::values::{parse_count, parse_percent, parse_yen};
use crate::core::money::Rounding;
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::rules::BandMode;
use rust_decimal::Decimal;

/// Where the offices come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OfficeSource {
    /// The data loaded in the page (the demo until a folder is loaded).
    #[default]
    Loaded,
    Synthetic,
}

/// A performance line: a district (or all) × a kind (or all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerformanceLine {
    pub id: u32,
    pub district: Option<String>,
    pub kind: Option<Kind>,
    pub mean_percent: String,
    pub sd_percent: String,
    pub like_last_period: bool,
}

/// The form, as the user typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidForm {
    pub source: OfficeSource,
    pub offices: String,
    pub districts: String,
    pub due_months: [String; 3],
    pub target_percent: [String; 3],
    pub synthetic_fee: String,
    pub periods: [bool; 3],
    /// (district, fee for every period); an empty fee keeps the data's.
    pub fees: Vec<(String, String)>,
    pub lines: Vec<PerformanceLine>,
    /// Entries of an opened file the form cannot show (an office or a
    /// prefecture named, a fee for one period, targets): kept as they are.
    pub kept: Vec<Performance>,
    pub kept_fees: Vec<FeeEntry>,
    pub kept_targets: Vec<TargetEntry>,
    /// The period of the data read (`None`: the one the app shows).
    pub period: Option<u8>,
    pub correlation_percent: String,
    pub transfer_percent: String,
    pub transfer_draw: TransferDraw,
    pub incident_points_mean: String,
    pub band_mode: BandMode,
    pub rounding: Rounding,
    pub runs: String,
    pub seed: String,
}

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Offices,
    Districts,
    DueMonths(Kind),
    Target(Kind),
    SyntheticFee,
    Fee(usize),
    Mean(u32),
    Spread(u32),
    Correlation,
    Transfer,
    Incidents,
    Runs,
    Seed,
}

/// A field that does not read, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub value: String,
}

impl Default for BidForm {
    fn default() -> BidForm {
        BidForm {
            source: OfficeSource::Loaded,
            offices: "100".into(),
            districts: "1".into(),
            due_months: ["12000".into(), "9000".into(), "7000".into()],
            target_percent: ["70".into(), "20".into(), "12.5".into()],
            synthetic_fee: "300000000".into(),
            periods: [true, false, false],
            fees: Vec::new(),
            lines: vec![PerformanceLine {
                id: 0,
                district: None,
                kind: None,
                mean_percent: "100".into(),
                sd_percent: "5".into(),
                like_last_period: false,
            }],
            kept: Vec::new(),
            kept_fees: Vec::new(),
            kept_targets: Vec::new(),
            period: None,
            correlation_percent: "30".into(),
            transfer_percent: "50".into(),
            transfer_draw: TransferDraw::Office,
            incident_points_mean: "0".into(),
            band_mode: BandMode::Tiered,
            rounding: Rounding::Truncate,
            runs: "10000".into(),
            seed: "1".into(),
        }
    }
}

fn percent_text(fraction: Decimal) -> String {
    (fraction * Decimal::ONE_HUNDRED).normalize().to_string()
}

impl BidForm {
    /// The bid the form says, and every field that does not read (left out).
    pub fn read(&self) -> (BidInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut fail = |field, value: &str| errors.push(FieldError { field, value: value.to_string() });
        let mut fraction = |field, text: &str| match parse_percent(text) {
            Ok(p) => Some(p / Decimal::ONE_HUNDRED),
            Err(_) => {
                fail(field, text);
                None
            }
        };
        let synthetic = (self.source == OfficeSource::Synthetic).then(|| Synthetic {
            offices: count(&self.offices).unwrap_or(0) as u32,
            districts: count(&self.districts).unwrap_or(0) as u32,
            due_months: self.due_months.each_ref().map(|d| count(d).unwrap_or(0)),
            target_percent: self.target_percent.each_ref().map(|t| parse_percent(t).unwrap_or_default()),
            fee_yen: parse_yen(&self.synthetic_fee).unwrap_or(0),
        });
        let mut performance = Vec::new();
        for line in &self.lines {
            let mean = (!line.like_last_period).then(|| fraction(Field::Mean(line.id), &line.mean_percent));
            let sd = fraction(Field::Spread(line.id), &line.sd_percent);
            if let (Some(sd), Some(mean)) = (sd, mean.unwrap_or(Some(Decimal::ZERO))) {
                performance.push(Performance {
                    district: line.district.clone(),
                    kind: line.kind.map_or_else(|| "*".to_string(), |k| k.code().to_string()),
                    ratio_mean: (!line.like_last_period).then_some(mean),
                    like_last_period: line.like_last_period,
                    ..Performance::everywhere(mean, sd)
                });
            }
        }
        performance.extend(self.kept.iter().cloned());
        let correlation = fraction(Field::Correlation, &self.correlation_percent);
        let transfer = fraction(Field::Transfer, &self.transfer_percent);
        let mut fees: Vec<FeeEntry> = self.kept_fees.clone();
        fees.extend(self.fees.iter().filter(|(_, fee)| !fee.trim().is_empty()).map(|(district, fee)| {
            FeeEntry { district: district.clone(), period: None, fee_yen: parse_yen(fee).unwrap_or(0) }
        }));
        let input = BidInput {
            synthetic,
            period: self.period,
            targets: self.kept_targets.clone(),
            periods: (1..=3).filter(|p| self.periods[usize::from(*p) - 1]).collect(),
            fees,
            performance,
            district_correlation: correlation.unwrap_or_default(),
            account_transfer_above_target_probability: transfer.unwrap_or_default(),
            account_transfer_draw: self.transfer_draw,
            incident_points_mean: parse_percent(&self.incident_points_mean).unwrap_or_default(),
            band_mode: self.band_mode,
            rounding: self.rounding,
            runs: count(&self.runs).map(|n| n.min(i64::from(u32::MAX)) as u32),
            seed: count(&self.seed).map(|n| n as u64),
            ..BidInput::default()
        };
        let mut checks: Vec<(Field, &str, bool)> = vec![
            (Field::Incidents, &self.incident_points_mean, parse_percent(&self.incident_points_mean).is_ok()),
            (Field::Runs, &self.runs, count(&self.runs).is_some()),
            (Field::Seed, &self.seed, count(&self.seed).is_some()),
        ];
        for (i, (_, fee)) in self.fees.iter().enumerate() {
            checks.push((Field::Fee(i), fee, fee.trim().is_empty() || parse_yen(fee).is_ok()));
        }
        if self.source == OfficeSource::Synthetic {
            checks.push((Field::Offices, &self.offices, count(&self.offices).is_some()));
            checks.push((Field::Districts, &self.districts, count(&self.districts).is_some()));
            checks.push((Field::SyntheticFee, &self.synthetic_fee, parse_yen(&self.synthetic_fee).is_ok()));
            for kind in Kind::ALL {
                let (due, target) = (&self.due_months[kind.index()], &self.target_percent[kind.index()]);
                checks.push((Field::DueMonths(kind), due, count(due).is_some()));
                checks.push((Field::Target(kind), target, parse_percent(target).is_ok()));
            }
        }
        errors.extend(
            checks
                .into_iter()
                .filter(|c| !c.2)
                .map(|(field, value, _)| FieldError { field, value: value.into() }),
        );
        (input, errors)
    }

    /// The form for an opened file: what it cannot show is kept as it is.
    pub fn from_input(input: &BidInput) -> BidForm {
        let base = BidForm::default();
        let (shown, kept): (Vec<&Performance>, Vec<&Performance>) =
            input.performance.iter().partition(|p| p.office_code == "*" && p.prefecture.is_none());
        let synthetic = input.synthetic.as_ref();
        BidForm {
            source: if synthetic.is_some() { OfficeSource::Synthetic } else { OfficeSource::Loaded },
            offices: synthetic.map_or(base.offices, |s| s.offices.to_string()),
            districts: synthetic.map_or(base.districts, |s| s.districts.to_string()),
            due_months: synthetic.map_or(base.due_months, |s| s.due_months.map(|d| d.to_string())),
            target_percent: synthetic
                .map_or(base.target_percent, |s| s.target_percent.map(|t| t.normalize().to_string())),
            synthetic_fee: synthetic.map_or(base.synthetic_fee, |s| s.fee_yen.to_string()),
            periods: [1, 2, 3].map(|p| input.periods.contains(&p) || (input.periods.is_empty() && p == 1)),
            fees: input
                .fees
                .iter()
                .filter(|f| f.period.is_none())
                .map(|f| (f.district.clone(), f.fee_yen.to_string()))
                .collect(),
            lines: shown
                .into_iter()
                .zip(0..)
                .map(|(p, id)| PerformanceLine {
                    id,
                    district: p.district.clone(),
                    kind: Kind::parse(&p.kind),
                    mean_percent: p.ratio_mean.map_or_else(String::new, percent_text),
                    sd_percent: percent_text(p.ratio_sd),
                    like_last_period: p.like_last_period,
                })
                .collect(),
            kept: kept.into_iter().cloned().collect(),
            kept_fees: input.fees.iter().filter(|f| f.period.is_some()).cloned().collect(),
            kept_targets: input.targets.clone(),
            period: input.period,
            correlation_percent: percent_text(input.district_correlation),
            transfer_percent: percent_text(input.account_transfer_above_target_probability),
            transfer_draw: input.account_transfer_draw,
            incident_points_mean: input.incident_points_mean.normalize().to_string(),
            band_mode: input.band_mode,
            rounding: input.rounding,
            runs: input.runs().to_string(),
            seed: input.seed().to_string(),
        }
    }

    /// The fee of `district` as typed, or `""`.
    pub fn fee_of(&self, district: &str) -> &str {
        self.fees.iter().find(|(d, _)| d == district).map_or("", |(_, f)| f.as_str())
    }

    /// Sets the fee typed for `district`.
    pub fn set_fee(&mut self, district: &str, fee: String) {
        match self.fees.iter_mut().find(|(d, _)| d == district) {
            Some(entry) => entry.1 = fee,
            None => self.fees.push((district.to_string(), fee)),
        }
    }

    /// Adds a performance line like the last one.
    pub fn add_line(&mut self) {
        let id = self.lines.iter().map(|l| l.id + 1).max().unwrap_or(0);
        let line = self.lines.last().cloned().unwrap_or_else(|| BidForm::default().lines[0].clone());
        self.lines.push(PerformanceLine { id, ..line });
    }
}

fn count(text: &str) -> Option<i64> {
    parse_count(text).ok()
}
