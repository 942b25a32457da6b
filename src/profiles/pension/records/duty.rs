//! Contact-duty compliance (digest A3, seed Ⅱ2 ※3): a person provided with 1–6
//! unpaid months is to be contacted at least every 3 months, with 7–23 at least
//! every 4 months, with 24 or more at least once in each period (by April).
//! Persons under compulsory collection are out of scope (※1).
//!
//! Read here as: the bucket is fixed by the unpaid months when provided; any
//! recorded promotion action (any method, any outcome) on or after the provided
//! day counts as the contact; the clock starts on the provided day. When a person
//! was provided more than once, the latest provision up to the as-of day counts.

use super::model::collection_year;
use super::tables::{PersonId, RecordTables};
use chrono::{Months, NaiveDate};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// The frequency bucket of a provided person.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, strum::IntoStaticStr,
)]
pub enum Bucket {
    /// 1–6 unpaid months: every 3 months.
    #[serde(rename = "1-6")]
    #[strum(serialize = "1-6")]
    UpTo6,
    /// 7–23 unpaid months: every 4 months.
    #[serde(rename = "7-23")]
    #[strum(serialize = "7-23")]
    From7To23,
    /// 24 or more: once in each period.
    #[serde(rename = "24+")]
    #[strum(serialize = "24+")]
    From24,
}

impl Bucket {
    pub const ALL: [Bucket; 3] = [Bucket::UpTo6, Bucket::From7To23, Bucket::From24];

    pub fn of(unpaid_months: u32) -> Bucket {
        match unpaid_months {
            0..=6 => Bucket::UpTo6,
            7..=23 => Bucket::From7To23,
            _ => Bucket::From24,
        }
    }

    pub fn code(self) -> &'static str {
        self.into()
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A person whose next action is overdue on the as-of day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverduePerson {
    pub person: PersonId,
    pub office_code: String,
    pub bucket: Bucket,
    pub provided: NaiveDate,
    pub unpaid_months: u32,
    pub exemption_flag: u8,
    pub last_action: Option<NaiveDate>,
    /// The day by which the missed action was due.
    pub due: NaiveDate,
    pub days_overdue: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeDuty {
    pub office_code: String,
    /// Persons in scope, by bucket (1–6, 7–23, 24+).
    pub persons: [u64; 3],
    pub overdue: [u64; 3],
    /// Under compulsory collection (a forced payment on record): out of scope.
    pub forced: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyReport {
    pub as_of: Option<NaiveDate>,
    pub offices: Vec<OfficeDuty>,
    /// Sorted by office, then by how long overdue (longest first).
    pub overdue: Vec<OverduePerson>,
    /// Provision rows after the as-of day, and earlier provisions of a person
    /// provided again: not counted.
    pub not_counted: u64,
}

/// What the duty needs of one person's actions between the provided day and the
/// as-of day: the latest, and the periods (collection years) that saw one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Activity {
    pub last: Option<NaiveDate>,
    /// Bit k: an action in the k-th period counted from the provided day's.
    periods: u64,
}

impl Activity {
    /// Adds an action; those before `provided` or after `as_of` do not count.
    pub fn add(&mut self, action: NaiveDate, provided: NaiveDate, as_of: NaiveDate) {
        if action < provided || action > as_of {
            return;
        }
        self.last = self.last.max(Some(action));
        let k = collection_year(action) - collection_year(provided);
        if (0..64).contains(&k) {
            self.periods |= 1 << k;
        }
    }

    pub fn of(actions: &[NaiveDate], provided: NaiveDate, as_of: NaiveDate) -> Activity {
        let mut a = Activity::default();
        for action in actions {
            a.add(*action, provided, as_of);
        }
        a
    }

    fn acted_in(&self, provided: NaiveDate, year: i32) -> bool {
        let k = year - collection_year(provided);
        (0..64).contains(&k) && self.periods & (1 << k) != 0
    }
}

/// The next due day and whether it has passed, for one person.
pub fn next_due(
    bucket: Bucket,
    provided: NaiveDate,
    activity: &Activity,
    as_of: NaiveDate,
) -> (NaiveDate, bool) {
    let every = |months: u32| {
        let anchor = activity.last.unwrap_or(provided);
        let due = anchor.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX);
        (due, as_of > due)
    };
    match bucket {
        Bucket::UpTo6 => every(3),
        Bucket::From7To23 => every(4),
        Bucket::From24 => {
            let april_end = |year: i32| NaiveDate::from_ymd_opt(year + 1, 4, 30).unwrap_or(NaiveDate::MAX);
            let current = collection_year(as_of);
            if let Some(missed) =
                (collection_year(provided)..current).find(|y| !activity.acted_in(provided, *y))
            {
                return (april_end(missed), true);
            }
            let due = if activity.acted_in(provided, current) {
                april_end(current + 1)
            } else {
                april_end(current)
            };
            (due, false)
        }
    }
}

/// The duty report as of `as_of` (records after it are ignored).
pub fn duty_report(tables: &RecordTables, as_of: NaiveDate) -> DutyReport {
    let d = &tables.delinquents;
    let mut report = DutyReport { as_of: Some(as_of), ..DutyReport::default() };
    // The latest provision of each person up to the as-of day.
    let mut latest: FxHashMap<PersonId, usize> = FxHashMap::default();
    for i in 0..d.person.len() {
        if d.provided[i] > as_of {
            report.not_counted += 1;
            continue;
        }
        if let Some(prev) = latest.insert(d.person[i], i) {
            report.not_counted += 1;
            if d.provided[prev] > d.provided[i] {
                latest.insert(d.person[i], prev);
            }
        }
    }
    let mut activity = vec![Activity::default(); d.person.len()];
    let c = &tables.contacts;
    for i in 0..if latest.is_empty() { 0 } else { c.person.len() } {
        if let Some(&row) = latest.get(&c.person[i]) {
            activity[row].add(c.date[i], d.provided[row], as_of);
        }
    }
    let p = &tables.payments;
    let forced: rustc_hash::FxHashSet<PersonId> = (0..p.person.len())
        .filter(|&i| p.paid[i] <= as_of && p.channel[i] == super::tables::Channel::Forced)
        .map(|i| p.person[i])
        .collect();

    let mut offices: Vec<OfficeDuty> = tables
        .offices
        .iter()
        .map(|code| OfficeDuty { office_code: code.clone(), ..OfficeDuty::default() })
        .collect();
    let mut used = vec![false; offices.len()];
    for (person, i) in latest {
        let office = d.office[i].0 as usize;
        used[office] = true;
        if forced.contains(&person) {
            offices[office].forced += 1;
            continue;
        }
        let bucket = Bucket::of(d.unpaid_months[i]);
        offices[office].persons[bucket.index()] += 1;
        let (due, overdue) = next_due(bucket, d.provided[i], &activity[i], as_of);
        if overdue {
            offices[office].overdue[bucket.index()] += 1;
            report.overdue.push(OverduePerson {
                person,
                office_code: tables.offices[office].clone(),
                bucket,
                provided: d.provided[i],
                unpaid_months: d.unpaid_months[i],
                exemption_flag: d.exemption_flag[i],
                last_action: activity[i].last,
                due,
                days_overdue: (as_of - due).num_days(),
            });
        }
    }
    report.offices = offices.into_iter().zip(used).filter(|(_, u)| *u).map(|(o, _)| o).collect();
    report.offices.sort_by(|a, b| a.office_code.cmp(&b.office_code));
    report.overdue.sort_by(|a, b| {
        (&a.office_code, std::cmp::Reverse(a.days_overdue), a.person).cmp(&(
            &b.office_code,
            std::cmp::Reverse(b.days_overdue),
            b.person,
        ))
    });
    report
}

#[cfg(test)]
mod tests {
    use super::super::tables::{Channel, Method, Outcome};
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn buckets_by_unpaid_months() {
        assert_eq!(Bucket::of(1), Bucket::UpTo6);
        assert_eq!(Bucket::of(6), Bucket::UpTo6);
        assert_eq!(Bucket::of(7), Bucket::From7To23);
        assert_eq!(Bucket::of(23), Bucket::From7To23);
        assert_eq!(Bucket::of(24), Bucket::From24);
    }

    fn next_due(
        bucket: Bucket,
        provided: NaiveDate,
        actions: &[NaiveDate],
        as_of: NaiveDate,
    ) -> (NaiveDate, bool) {
        super::next_due(bucket, provided, &Activity::of(actions, provided, as_of), as_of)
    }

    #[test]
    fn every_three_and_four_months_from_the_last_action() {
        let provided = d(2026, 5, 15);
        assert_eq!(next_due(Bucket::UpTo6, provided, &[], d(2026, 8, 15)), (d(2026, 8, 15), false));
        assert_eq!(next_due(Bucket::UpTo6, provided, &[], d(2026, 8, 16)), (d(2026, 8, 15), true));
        let acted = [d(2026, 7, 1), d(2026, 6, 1)];
        assert_eq!(next_due(Bucket::UpTo6, provided, &acted, d(2026, 9, 1)), (d(2026, 10, 1), false));
        assert_eq!(next_due(Bucket::From7To23, provided, &acted, d(2026, 11, 2)), (d(2026, 11, 1), true));
        // An action before the provision or after the as-of day does not count.
        let outside = [d(2026, 5, 1), d(2026, 12, 1)];
        assert_eq!(next_due(Bucket::UpTo6, provided, &outside, d(2026, 9, 1)), (d(2026, 8, 15), true));
        // Month ends clamp: 11-30 + 3 months = 02-28.
        assert_eq!(next_due(Bucket::UpTo6, d(2026, 11, 30), &[], d(2027, 1, 1)).0, d(2027, 2, 28));
    }

    #[test]
    fn once_in_each_period_by_april() {
        let provided = d(2026, 6, 1);
        assert_eq!(next_due(Bucket::From24, provided, &[], d(2027, 4, 30)), (d(2027, 4, 30), false));
        assert_eq!(next_due(Bucket::From24, provided, &[], d(2027, 5, 1)), (d(2027, 4, 30), true));
        let acted = [d(2027, 4, 30)];
        assert_eq!(next_due(Bucket::From24, provided, &acted, d(2027, 5, 1)), (d(2028, 4, 30), false));
        assert_eq!(next_due(Bucket::From24, provided, &acted, d(2027, 4, 30)), (d(2028, 4, 30), false));
        assert_eq!(next_due(Bucket::From24, provided, &acted, d(2028, 5, 1)), (d(2028, 4, 30), true));
    }

    #[test]
    fn report_counts_buckets_overdue_and_forced() {
        let mut t = RecordTables::default();
        let a = t.office("A");
        let as_of = d(2026, 10, 1);
        t.push_delinquent(PersonId(1), a, d(2026, 5, 1), 3, 0);
        t.push_delinquent(PersonId(2), a, d(2026, 5, 1), 12, 1);
        t.push_delinquent(PersonId(3), a, d(2026, 5, 1), 30, 0);
        t.push_delinquent(PersonId(4), a, d(2026, 5, 1), 3, 0);
        t.push_delinquent(PersonId(5), a, d(2026, 11, 1), 3, 0);
        t.push_contact(PersonId(2), a, d(2026, 6, 1), Method::Sms, Outcome::Other);
        t.push_payment(PersonId(4), a, d(2026, 6, 1), d(2025, 6, 1), 1, Channel::Forced);
        let r = duty_report(&t, as_of);
        let o = &r.offices[0];
        assert_eq!(o.persons, [1, 1, 1]);
        assert_eq!(o.overdue, [1, 0, 0]);
        assert_eq!(o.forced, 1);
        assert_eq!(r.not_counted, 1);
        assert_eq!(r.overdue.len(), 1);
        assert_eq!(r.overdue[0].person, PersonId(1));
        assert_eq!(r.overdue[0].due, d(2026, 8, 1));
        assert_eq!(r.overdue[0].days_overdue, 61);
    }

    #[test]
    fn the_latest_provision_counts() {
        let mut t = RecordTables::default();
        let a = t.office("A");
        t.push_delinquent(PersonId(1), a, d(2026, 9, 1), 3, 0);
        t.push_delinquent(PersonId(1), a, d(2026, 5, 1), 3, 0);
        let r = duty_report(&t, d(2026, 10, 1));
        assert_eq!(r.not_counted, 1);
        assert!(r.overdue.is_empty(), "due 2026-12-01 from the later provision");
    }
}
