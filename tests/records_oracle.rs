//! A second, independent computation of the record engine (digest A2, A3):
//! every payment is checked against every contact of every person (no sorting,
//! no merging, no maps), with the calendar rules written again from the issue's
//! text in month numbers. Random datasets around the edges (April, year ends,
//! leap February) must give the same table and the same duty verdicts.

use chrono::{Datelike, Months, NaiveDate};
use proptest::prelude::*;
use shuno::profiles::pension::dataset::Kind;
use shuno::profiles::pension::records::duty::{duty_report, Bucket};
use shuno::profiles::pension::records::promoted::promoted_table;
use shuno::profiles::pension::records::tables::{Channel, Method, Outcome, PersonId, RecordTables};
use std::collections::BTreeMap;

const METHODS: [Method; 5] = [Method::Phone, Method::Letter, Method::Sms, Method::Visit, Method::Other];
const OUTCOMES: [Outcome; 8] = [
    Outcome::Person,
    Outcome::JointObligor,
    Outcome::Absent,
    Outcome::Voicemail,
    Outcome::Unreachable,
    Outcome::Sent,
    Outcome::Returned,
    Outcome::Other,
];

fn day(n: u32) -> NaiveDate {
    // 2026-02-01 + n days: covers two Aprils and the 2028 leap day.
    NaiveDate::from_ymd_opt(2026, 2, 1).unwrap() + chrono::Days::new(n as u64)
}

/// Month number since year 0.
fn mnum(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

fn last_day_of_mnum(m: i32) -> NaiveDate {
    let first_next =
        NaiveDate::from_ymd_opt((m + 1).div_euclid(12), (m + 1).rem_euclid(12) as u32 + 1, 1).unwrap();
    first_next.pred_opt().unwrap()
}

fn opens_window(m: Method, o: Outcome) -> bool {
    (m == Method::Phone && (o == Outcome::Person || o == Outcome::JointObligor))
        || (m == Method::Letter && o == Outcome::Sent)
}

fn in_window(contact: NaiveDate, paid: NaiveDate) -> bool {
    let end_month = if contact.month() == 4 { mnum(contact) } else { mnum(contact) + 1 };
    contact <= paid && paid <= last_day_of_mnum(end_month)
}

/// 0, 1, 2 = current, past1, past2; None otherwise.
fn kind_of(premium: NaiveDate, paid: NaiveDate) -> Option<usize> {
    // Fiscal year starts in April; collection year in May (month numbers shift).
    let fiscal = (mnum(premium) - 3).div_euclid(12);
    let collection = (mnum(paid) - 4).div_euclid(12);
    match collection - fiscal {
        d @ 0..=2 => Some(d as usize),
        _ => None,
    }
}

#[derive(Debug, Clone)]
struct Data {
    contacts: Vec<(u64, usize, u32, usize, usize)>,
    payments: Vec<(u64, usize, u32, i32, u32, bool)>,
    delinquents: Vec<(u64, usize, u32, u32)>,
}

fn data() -> impl Strategy<Value = Data> {
    let persons = 1u64..6;
    let contact = (persons.clone(), 0usize..3, 0u32..900, 0usize..5, 0usize..7);
    let payment = (persons.clone(), 0usize..3, 0u32..900, -40i32..3, 1u32..4, proptest::bool::weighted(0.1));
    let delinquent = (persons, 0usize..3, 0u32..900, 1u32..40);
    (
        proptest::collection::vec(contact, 0..40),
        proptest::collection::vec(payment, 0..40),
        proptest::collection::vec(delinquent, 0..8),
    )
        .prop_map(|(contacts, payments, delinquents)| Data { contacts, payments, delinquents })
}

fn tables(d: &Data) -> RecordTables {
    let mut t = RecordTables::default();
    let offices: Vec<_> = ["X", "Y", "Z"].iter().map(|c| t.office(c)).collect();
    for &(p, o, n, m, r) in &d.contacts {
        t.push_contact(PersonId(p), offices[o], day(n), METHODS[m], OUTCOMES[r]);
    }
    for &(p, o, n, back, months, forced) in &d.payments {
        let paid = day(n);
        let premium = NaiveDate::from_ymd_opt(paid.year(), paid.month(), 1).unwrap();
        let premium = if back < 0 {
            premium - Months::new(back.unsigned_abs())
        } else {
            premium + Months::new(back as u32)
        };
        let channel = if forced { Channel::Forced } else { Channel::Normal };
        t.push_payment(PersonId(p), offices[o], paid, premium, months, channel);
    }
    for &(p, o, n, unpaid) in &d.delinquents {
        t.push_delinquent(PersonId(p), offices[o], day(n), unpaid, 0);
    }
    t
}

/// (office, kind, month number) → promoted months, by brute force.
fn brute_force(t: &RecordTables, through: Option<NaiveDate>) -> BTreeMap<(String, usize, i32), u64> {
    let c = &t.contacts;
    let p = &t.payments;
    let mut out = BTreeMap::new();
    for i in 0..p.person.len() {
        let paid = p.paid[i];
        if through.is_some_and(|d| paid > d) || p.channel[i] == Channel::Forced {
            continue;
        }
        let Some(kind) = kind_of(p.premium_month[i], paid) else { continue };
        let due = last_day_of_mnum(mnum(p.premium_month[i]) + 1);
        if kind == 0 && paid <= due {
            continue;
        }
        let promoted = (0..c.person.len()).any(|j| {
            c.person[j] == p.person[i]
                && opens_window(c.method[j], c.outcome[j])
                && through.is_none_or(|d| c.date[j] <= d)
                && in_window(c.date[j], paid)
        });
        if promoted {
            *out.entry((t.office_code(p.office[i]).to_string(), kind, mnum(paid))).or_insert(0) +=
                u64::from(p.months[i]);
        }
    }
    out
}

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|x| *x == k).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("ORACLE_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400)))]

    #[test]
    fn engine_equals_brute_force(d in data(), through in proptest::option::of(0u32..900)) {
        let t = tables(&d);
        let through = through.map(day);
        let table = promoted_table(&t, through);
        let engine: BTreeMap<(String, usize, i32), u64> = table
            .rows
            .iter()
            .filter(|r| r.promoted_months > 0)
            .map(|r| ((r.office_code.clone(), kind_index(r.kind), r.month.index() as i32), r.promoted_months))
            .collect();
        prop_assert_eq!(engine, brute_force(&t, through));
        prop_assert_eq!(table.payments.total(), t.payments.person.len() as u64);
        // Period to date restarts in May and sums the months so far.
        let mut running: BTreeMap<(String, usize), u64> = BTreeMap::new();
        for r in &table.rows {
            let key = (r.office_code.clone(), kind_index(r.kind));
            let acc = running.entry(key).or_insert(0);
            if r.month.month == 5 { *acc = 0; }
            *acc += r.promoted_months;
            prop_assert_eq!(r.promoted_months_to_date, *acc);
        }
        // Qualifying contacts and actions per office and month, counted directly.
        for r in table.rows.iter().filter(|r| r.kind == Kind::Current) {
            let c = &t.contacts;
            let here = |j: usize| t.office_code(c.office[j]) == r.office_code
                && mnum(c.date[j]) == r.month.index() as i32
                && through.is_none_or(|d| c.date[j] <= d);
            let actions = (0..c.person.len()).filter(|&j| here(j)).count() as u64;
            let qualifying = (0..c.person.len()).filter(|&j| here(j) && opens_window(c.method[j], c.outcome[j])).count() as u64;
            prop_assert_eq!(r.actions.total(), actions);
            let returned = (0..c.person.len())
                .filter(|&j| here(j) && c.method[j] == Method::Letter && c.outcome[j] == Outcome::Returned)
                .count() as u64;
            prop_assert_eq!(r.actions.returned_letters, returned);
            prop_assert_eq!(r.qualifying_contacts, qualifying);
        }
    }

    #[test]
    fn duty_verdicts_equal_a_direct_reading(d in data(), as_of in 0u32..900) {
        let t = tables(&d);
        let as_of = day(as_of);
        let report = duty_report(&t, as_of);
        let overdue: Vec<u64> = report.overdue.iter().map(|p| p.person.0).collect();
        for person in 1u64..6 {
            let provisions: Vec<usize> = (0..t.delinquents.person.len())
                .filter(|&i| t.delinquents.person[i] == PersonId(person) && t.delinquents.provided[i] <= as_of)
                .collect();
            let forced = (0..t.payments.person.len()).any(|i| t.payments.person[i] == PersonId(person)
                && t.payments.channel[i] == Channel::Forced && t.payments.paid[i] <= as_of);
            // The latest provision; on the same day, the later row.
            let Some(&i) = provisions.iter().max_by_key(|&&i| (t.delinquents.provided[i], i)) else {
                prop_assert!(!overdue.contains(&person));
                continue;
            };
            let provided = t.delinquents.provided[i];
            let acted = |from: NaiveDate, to: NaiveDate| (0..t.contacts.person.len()).any(|j| {
                t.contacts.person[j] == PersonId(person) && t.contacts.date[j] >= from.max(provided)
                    && t.contacts.date[j] <= to.min(as_of)
            });
            // Some action (or the provision) N months before the as-of day or later.
            let kept_up = |n: u32| provided + Months::new(n) >= as_of || (0..t.contacts.person.len()).any(|j| {
                let a = t.contacts.date[j];
                t.contacts.person[j] == PersonId(person) && a >= provided && a <= as_of && a + Months::new(n) >= as_of
            });
            let expected = !forced && match Bucket::of(t.delinquents.unpaid_months[i]) {
                Bucket::UpTo6 => !kept_up(3),
                Bucket::From7To23 => !kept_up(4),
                Bucket::From24 => {
                    let first = (mnum(provided) - 4).div_euclid(12);
                    let now = (mnum(as_of) - 4).div_euclid(12);
                    (first..now).any(|y| !acted(
                        NaiveDate::from_ymd_opt(y, 5, 1).unwrap(),
                        NaiveDate::from_ymd_opt(y + 1, 4, 30).unwrap(),
                    ))
                }
            };
            prop_assert_eq!(overdue.contains(&person), expected, "person {} provided {}", person, provided);
        }
    }
}
