//! Profile A tables: typed rows from recognised tables, then the checks across
//! tables (unknown office codes, duplicate keys). A row with any problem is
//! rejected whole and listed; nothing is dropped silently.

use super::calendar as national_pension;
use super::dataset::*;
use super::tables::PensionTable;
use super::{PensionProblem, PensionReason, Reason};
use crate::core::calendar::YearMonth;
use crate::core::import::rows::{row_problem, RowReader};
use crate::core::import::unique::dedupe;
use crate::core::import::values::{
    normalize, normalize_keep_width, parse_count, parse_date, parse_month, parse_percent, parse_text,
    parse_yen, ValueError,
};
use crate::unique_key;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;

fn parse_kind(text: &str) -> Result<Kind, Reason> {
    let n = normalize(text);
    if n.is_empty() {
        return Err(Reason::Value { error: ValueError::Empty });
    }
    Kind::parse(&n).ok_or(PensionReason::UnknownKind.into())
}

/// 目標督励納付率 in percent: above 0 and at most 100 (#13 fix h).
fn parse_target_percent(text: &str) -> Result<Decimal, Reason> {
    let percent = parse_percent(text).map_err(|error| Reason::Value { error })?;
    if percent <= Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err(PensionReason::TargetOutOfRange.into());
    }
    Ok(percent)
}

fn parse_period(text: &str) -> Result<u8, Reason> {
    let n = parse_count(text).map_err(|error| Reason::Value { error })?;
    u8::try_from(n)
        .ok()
        .filter(|p| national_pension::period(*p).is_some())
        .ok_or(PensionReason::PeriodOutOfRange.into())
}

fn in_contract(month: YearMonth) -> bool {
    national_pension::period_of(month).is_some()
}

/// Reads a pension row.
type Row<'a> = RowReader<'a, PensionTable, PensionReason>;

impl Row<'_> {
    fn take_month_in_contract(&mut self, index: usize) -> Option<YearMonth> {
        let month = self.take(index, parse_month)?;
        if in_contract(month) {
            Some(month)
        } else {
            self.reject(index, PensionReason::OutsideContract.into());
            None
        }
    }
}

/// Adds one raw row of a recognised table to the dataset, or returns its problems.
pub fn add_row(data: &mut PensionDataset, r: &mut Row) {
    let origin = r.origin();
    match r.table() {
        PensionTable::Offices => {
            let (code, name, pref, district) =
                (r.take(0, parse_text), r.take(1, parse_text), r.take(2, parse_text), r.take(3, parse_text));
            if let (Some(code), Some(name), Some(prefecture), Some(district)) = (code, name, pref, district) {
                data.offices.push(Office { code, name, prefecture, district, origin });
            }
        }
        PensionTable::Fees => {
            let (district, period, fee) =
                (r.take(0, parse_text), r.take_with(1, parse_period), r.take(2, parse_yen));
            if let (Some(district), Some(period), Some(fee_yen)) = (district, period, fee) {
                data.fees.push(PeriodFee { district, period, fee_yen, origin });
            }
        }
        PensionTable::Progress => {
            let office = r.take(0, parse_text);
            let kind = r.take_with(1, parse_kind);
            let month = r.take_month_in_contract(2);
            let due = r.take(3, parse_count);
            let excluded = r.take(4, parse_count);
            let forced = r.take(5, parse_count);
            let promoted = r.take(6, parse_count);
            if let (
                Some(office_code),
                Some(kind),
                Some(month),
                Some(due_months),
                Some(excluded_paid_months),
                Some(forced_months),
                Some(promoted_months),
            ) = (office, kind, month, due, excluded, forced, promoted)
            {
                let row = Progress {
                    office_code,
                    kind,
                    month,
                    due_months,
                    excluded_paid_months,
                    forced_months,
                    promoted_months,
                    origin,
                };
                let denominator = row.denominator();
                if promoted_months > denominator.max(0) {
                    r.reject(
                        6,
                        PensionReason::PromotedExceedsDenominator { promoted: promoted_months, denominator }
                            .into(),
                    );
                } else {
                    data.progress.push(row);
                }
            }
        }
        PensionTable::Targets => {
            let (office, period, kind, rate) = (
                r.take(0, parse_text),
                r.take_with(1, parse_period),
                r.take_with(2, parse_kind),
                r.take_with(3, parse_target_percent),
            );
            if let (Some(office_code), Some(period), Some(kind), Some(rate_percent)) =
                (office, period, kind, rate)
            {
                data.targets.push(Target { office_code, period, kind, rate_percent, origin });
            }
        }
        PensionTable::AccountTransfer => {
            let (office, period, target, acquired) = (
                r.take(0, parse_text),
                r.take_with(1, parse_period),
                r.take(2, parse_count),
                r.take(3, parse_count),
            );
            if let (Some(office_code), Some(period), Some(target_count), Some(acquired_count)) =
                (office, period, target, acquired)
            {
                data.account_transfers.push(AccountTransfer {
                    office_code,
                    period,
                    target_count,
                    acquired_count,
                    origin,
                });
            }
        }
        PensionTable::Incidents => {
            let (office, date, points) =
                (r.take(0, parse_text), r.take(1, parse_date), r.take(2, parse_count));
            let description = normalize_keep_width(r.cell(3));
            let date = date.filter(|d| {
                let inside = in_contract(YearMonth::of(*d));
                if !inside {
                    r.reject(1, PensionReason::OutsideContract.into());
                }
                inside
            });
            if let (Some(office_code), Some(date), Some(points)) = (office, date, points) {
                data.incidents.push(Incident { office_code, date, points, description, origin });
            }
        }
        PensionTable::IncidentScale => {
            let (min, rate) = (r.take(0, parse_count), r.take(1, parse_percent));
            if let (Some(min_points), Some(deduction_percent)) = (min, rate) {
                data.incident_scale.push(IncidentScaleRow { min_points, deduction_percent, origin });
            }
        }
        PensionTable::Activity => {
            let office = r.take(0, parse_text);
            let month = r.take_month_in_contract(1);
            let method = r.take(2, parse_text);
            let (planned, done, contacts) =
                (r.take(3, parse_count), r.take(4, parse_count), r.take(5, parse_count));
            if let (Some(office_code), Some(month), Some(method), Some(planned), Some(done), Some(contacts)) =
                (office, month, method, planned, done, contacts)
            {
                data.activity.push(Activity { office_code, month, method, planned, done, contacts, origin });
            }
        }
        PensionTable::DistrictDueMonths => {
            let (district, kind) = (r.take(0, parse_text), r.take_with(1, parse_kind));
            let (month, due_months) = (r.take_month_in_contract(2), r.take(3, parse_count));
            if let (Some(district), Some(kind), Some(month), Some(due_months)) =
                (district, kind, month, due_months)
            {
                data.district_due_months.push(DistrictDueMonths {
                    district,
                    kind,
                    month,
                    due_months,
                    origin,
                });
            }
        }
        PensionTable::ReasonFilings => {
            let (month, filed) = (r.take_month_in_contract(0), r.take(1, parse_date));
            if let (Some(month), Some(filed)) = (month, filed) {
                data.reason_filings.push(ReasonFiling { month, filed, origin });
            }
        }
        PensionTable::Contacts | PensionTable::Payments | PensionTable::Delinquents => {
            debug_assert!(false, "record tables are read by records::reading");
        }
    }
}

/// Checks across tables. Rejected rows are removed from `data` and reported.
pub fn cross_check(data: &mut PensionDataset) -> Vec<PensionProblem> {
    let mut problems = Vec::new();
    let d = data;
    dedupe(&mut d.offices, PensionTable::Offices, &mut problems);
    let codes: FxHashSet<&str> = d.offices.iter().map(|o| o.code.as_str()).collect();
    dedupe(&mut d.fees, PensionTable::Fees, &mut problems);
    known_office(&mut d.progress, PensionTable::Progress, &codes, &mut problems);
    dedupe(&mut d.progress, PensionTable::Progress, &mut problems);
    known_office(&mut d.targets, PensionTable::Targets, &codes, &mut problems);
    dedupe(&mut d.targets, PensionTable::Targets, &mut problems);
    known_office(&mut d.account_transfers, PensionTable::AccountTransfer, &codes, &mut problems);
    dedupe(&mut d.account_transfers, PensionTable::AccountTransfer, &mut problems);
    known_office(&mut d.incidents, PensionTable::Incidents, &codes, &mut problems);
    dedupe(&mut d.incident_scale, PensionTable::IncidentScale, &mut problems);
    known_office(&mut d.activity, PensionTable::Activity, &codes, &mut problems);
    dedupe(&mut d.activity, PensionTable::Activity, &mut problems);
    dedupe(&mut d.reason_filings, PensionTable::ReasonFilings, &mut problems);
    dedupe(&mut d.district_due_months, PensionTable::DistrictDueMonths, &mut problems);
    problems
}

unique_key!(Office, |r| r.code.as_str(), &'a str, r.code.clone());
unique_key!(PeriodFee, |r| (r.district.as_str(), r.period), (&'a str, u8), r.district.clone());
unique_key!(
    Progress,
    |r| (r.office_code.as_str(), r.kind, r.month),
    (&'a str, Kind, YearMonth),
    r.office_code.clone()
);
unique_key!(
    Target,
    |r| (r.office_code.as_str(), r.period, r.kind),
    (&'a str, u8, Kind),
    r.office_code.clone()
);
unique_key!(AccountTransfer, |r| (r.office_code.as_str(), r.period), (&'a str, u8), r.office_code.clone());
unique_key!(IncidentScaleRow, |r| r.min_points, i64, r.min_points.to_string());
unique_key!(
    Activity,
    |r| (r.office_code.as_str(), r.month, r.method.as_str()),
    (&'a str, YearMonth, &'a str),
    r.office_code.clone()
);
unique_key!(ReasonFiling, |r| r.month, YearMonth, r.month.to_string());
unique_key!(
    DistrictDueMonths,
    |r| (r.district.as_str(), r.kind, r.month),
    (&'a str, Kind, YearMonth),
    r.district.clone()
);

/// A row that names an office.
trait OfficeRow {
    fn office_code(&self) -> &str;
    fn origin(&self) -> &Origin;
}

macro_rules! office_row {
    ($($row:ty),*) => {$(
        impl OfficeRow for $row {
            fn office_code(&self) -> &str {
                &self.office_code
            }
            fn origin(&self) -> &Origin {
                &self.origin
            }
        }
    )*};
}

office_row!(Progress, Target, AccountTransfer, Incident, Activity);

/// Rejects rows whose office code is not in the offices table.
fn known_office<T: OfficeRow>(
    rows: &mut Vec<T>,
    table: PensionTable,
    codes: &FxHashSet<&str>,
    problems: &mut Vec<PensionProblem>,
) {
    rows.retain(|row| {
        let known = codes.contains(row.office_code());
        if !known {
            let origin = OfficeRow::origin(row);
            problems.push(row_problem(
                &origin.file,
                table,
                origin.line,
                0,
                row.office_code(),
                PensionReason::UnknownOffice.into(),
            ));
        }
        known
    });
}
