//! Profile A tables: typed rows from recognised tables, then the checks across
//! tables (unknown office codes, duplicate keys). A row with any problem is
//! rejected whole and listed; nothing is dropped silently.

use super::problem::{Problem, Reason};
use super::rows::{row_problem, RowReader};
use super::schema::TableKind;
use super::values::{parse_count, parse_date, parse_month, parse_percent, parse_text, parse_yen, ValueError};
use crate::core::calendar::YearMonth;
use crate::core::dataset::pension::*;
use crate::core::profile::national_pension;
use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

fn parse_kind(text: &str) -> Result<Kind, Reason> {
    let n = super::values::normalize(text);
    if n.is_empty() {
        return Err(Reason::Value { error: ValueError::Empty });
    }
    Kind::parse(&n).ok_or(Reason::UnknownKind)
}

fn parse_period(text: &str) -> Result<u8, Reason> {
    let n = parse_count(text).map_err(|error| Reason::Value { error })?;
    u8::try_from(n).ok().filter(|p| national_pension::period(*p).is_some()).ok_or(Reason::PeriodOutOfRange)
}

fn in_contract(month: YearMonth) -> bool {
    national_pension::period_of(month).is_some()
}

impl RowReader<'_> {
    fn take_with(&mut self, index: usize, parse: impl Fn(&str) -> Result<u8, Reason>) -> Option<u8> {
        parse(self.cell(index)).map_err(|reason| self.reject(index, reason)).ok()
    }

    fn take_kind(&mut self, index: usize) -> Option<Kind> {
        parse_kind(self.cell(index)).map_err(|reason| self.reject(index, reason)).ok()
    }

    fn take_month_in_contract(&mut self, index: usize) -> Option<YearMonth> {
        let month = self.take(index, parse_month)?;
        if in_contract(month) {
            Some(month)
        } else {
            self.reject(index, Reason::OutsideContract);
            None
        }
    }
}

/// Adds one raw row of a recognised table to the dataset, or returns its problems.
pub fn add_row(data: &mut PensionDataset, r: &mut RowReader) {
    let origin = r.origin();
    match r.table() {
        TableKind::Offices => {
            let (code, name, pref, district) =
                (r.take(0, parse_text), r.take(1, parse_text), r.take(2, parse_text), r.take(3, parse_text));
            if let (Some(code), Some(name), Some(prefecture), Some(district)) = (code, name, pref, district) {
                data.offices.push(Office { code, name, prefecture, district, origin });
            }
        }
        TableKind::Fees => {
            let (district, period, fee) =
                (r.take(0, parse_text), r.take_with(1, parse_period), r.take(2, parse_yen));
            if let (Some(district), Some(period), Some(fee_yen)) = (district, period, fee) {
                data.fees.push(PeriodFee { district, period, fee_yen, origin });
            }
        }
        TableKind::Progress => {
            let office = r.take(0, parse_text);
            let kind = r.take_kind(1);
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
                        Reason::PromotedExceedsDenominator { promoted: promoted_months, denominator },
                    );
                } else {
                    data.progress.push(row);
                }
            }
        }
        TableKind::Targets => {
            let (office, period, kind, rate) = (
                r.take(0, parse_text),
                r.take_with(1, parse_period),
                r.take_kind(2),
                r.take(3, parse_percent),
            );
            if let (Some(office_code), Some(period), Some(kind), Some(rate_percent)) =
                (office, period, kind, rate)
            {
                data.targets.push(Target { office_code, period, kind, rate_percent, origin });
            }
        }
        TableKind::AccountTransfer => {
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
        TableKind::Incidents => {
            let (office, date, points) =
                (r.take(0, parse_text), r.take(1, parse_date), r.take(2, parse_count));
            let description = super::values::normalize_keep_width(r.cell(3));
            let date = date.filter(|d| {
                let inside = in_contract(YearMonth::of(*d));
                if !inside {
                    r.reject(1, Reason::OutsideContract);
                }
                inside
            });
            if let (Some(office_code), Some(date), Some(points)) = (office, date, points) {
                data.incidents.push(Incident { office_code, date, points, description, origin });
            }
        }
        TableKind::IncidentScale => {
            let (min, rate) = (r.take(0, parse_count), r.take(1, parse_percent));
            if let (Some(min_points), Some(deduction_percent)) = (min, rate) {
                data.incident_scale.push(IncidentScaleRow { min_points, deduction_percent, origin });
            }
        }
        TableKind::Activity => {
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
    }
}

/// Checks across tables. Rejected rows are removed from `data` and reported.
pub fn cross_check(data: &mut PensionDataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    dedupe(
        &mut data.offices,
        TableKind::Offices,
        0,
        |o| o.code.clone(),
        |o| (&o.origin, o.code.clone()),
        &mut problems,
    );
    let codes: BTreeSet<String> = data.offices.iter().map(|o| o.code.clone()).collect();

    dedupe(
        &mut data.fees,
        TableKind::Fees,
        0,
        |f| (f.district.clone(), f.period),
        |f| (&f.origin, f.district.clone()),
        &mut problems,
    );
    known_office(
        &mut data.progress,
        TableKind::Progress,
        &codes,
        |p| (&p.origin, &p.office_code),
        &mut problems,
    );
    dedupe(
        &mut data.progress,
        TableKind::Progress,
        0,
        |p| (p.office_code.clone(), p.kind, p.month),
        |p| (&p.origin, p.office_code.clone()),
        &mut problems,
    );
    known_office(
        &mut data.targets,
        TableKind::Targets,
        &codes,
        |t| (&t.origin, &t.office_code),
        &mut problems,
    );
    dedupe(
        &mut data.targets,
        TableKind::Targets,
        0,
        |t| (t.office_code.clone(), t.period, t.kind),
        |t| (&t.origin, t.office_code.clone()),
        &mut problems,
    );
    known_office(
        &mut data.account_transfers,
        TableKind::AccountTransfer,
        &codes,
        |t| (&t.origin, &t.office_code),
        &mut problems,
    );
    dedupe(
        &mut data.account_transfers,
        TableKind::AccountTransfer,
        0,
        |t| (t.office_code.clone(), t.period),
        |t| (&t.origin, t.office_code.clone()),
        &mut problems,
    );
    known_office(
        &mut data.incidents,
        TableKind::Incidents,
        &codes,
        |i| (&i.origin, &i.office_code),
        &mut problems,
    );
    dedupe(
        &mut data.incident_scale,
        TableKind::IncidentScale,
        0,
        |s| s.min_points,
        |s| (&s.origin, s.min_points.to_string()),
        &mut problems,
    );
    known_office(
        &mut data.activity,
        TableKind::Activity,
        &codes,
        |a| (&a.origin, &a.office_code),
        &mut problems,
    );
    dedupe(
        &mut data.activity,
        TableKind::Activity,
        0,
        |a| (a.office_code.clone(), a.month, a.method.clone()),
        |a| (&a.origin, a.office_code.clone()),
        &mut problems,
    );
    problems
}

/// Keeps the first row of each key; later ones are rejected, pointing at the first.
fn dedupe<T, K: Eq + Hash>(
    rows: &mut Vec<T>,
    table: TableKind,
    column: usize,
    key: impl Fn(&T) -> K,
    place: impl Fn(&T) -> (&Origin, String),
    problems: &mut Vec<Problem>,
) {
    let mut first: HashMap<K, Origin> = HashMap::new();
    rows.retain(|row| {
        let (origin, value) = place(row);
        match first.get(&key(row)) {
            Some(f) => {
                let reason = Reason::Duplicate { first_file: f.file.clone(), first_line: f.line };
                problems.push(row_problem(&origin.file, table, origin.line, column, &value, reason));
                false
            }
            None => {
                first.insert(key(row), origin.clone());
                true
            }
        }
    });
}

fn known_office<T>(
    rows: &mut Vec<T>,
    table: TableKind,
    codes: &BTreeSet<String>,
    place: impl Fn(&T) -> (&Origin, &String),
    problems: &mut Vec<Problem>,
) {
    rows.retain(|row| {
        let (origin, code) = place(row);
        let known = codes.contains(code);
        if !known {
            problems.push(row_problem(&origin.file, table, origin.line, 0, code, Reason::UnknownOffice));
        }
        known
    });
}
