//! 事業者督励月数 from the records (digest A2): for each office × kind × month, the
//! months paid inside a window of a qualifying contact of the same person.
//!
//! Linear apart from one sort: the windows of qualifying contacts are sorted by
//! (person, start) and merged per person into disjoint intervals; each payment
//! then finds its person's intervals through a hash map and the one interval that
//! can hold its day by binary search. Counting goes into a dense office × kind ×
//! month array. Memory: 16 bytes per qualifying contact, 12 per person.

use super::model::{eligibility, is_qualifying, window_end, Eligibility};
use super::tables::{Contacts, Method, OfficeId, Outcome, Payments, PersonId, RecordTables};
use crate::core::calendar::YearMonth;
use crate::profiles::pension::dataset::Kind;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Promotion actions of an office in a month, by method.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionCounts {
    pub phone: u64,
    pub letter: u64,
    pub sms: u64,
    pub visit: u64,
    pub other: u64,
    /// Letters that came back (文書返戻件数, seed 000 ⅩⅢ2(3)①), among `letter`.
    pub returned_letters: u64,
}

impl ActionCounts {
    pub fn add(&mut self, method: Method) {
        *match method {
            Method::Phone => &mut self.phone,
            Method::Letter => &mut self.letter,
            Method::Sms => &mut self.sms,
            Method::Visit => &mut self.visit,
            Method::Other => &mut self.other,
        } += 1;
    }

    pub fn get(&self, method: Method) -> u64 {
        match method {
            Method::Phone => self.phone,
            Method::Letter => self.letter,
            Method::Sms => self.sms,
            Method::Visit => self.visit,
            Method::Other => self.other,
        }
    }

    pub fn total(&self) -> u64 {
        self.phone + self.letter + self.sms + self.visit + self.other
    }
}

/// One row of the table: an office, a kind, a month (of the payment day).
/// `qualifying_contacts` and `actions` belong to the office and month, whatever
/// the kind: they are the same on the three kind rows of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotedRow {
    pub office_code: String,
    pub kind: Kind,
    pub month: YearMonth,
    pub promoted_months: u64,
    /// From the first month of the period (May) through `month`.
    pub promoted_months_to_date: u64,
    pub qualifying_contacts: u64,
    pub actions: ActionCounts,
}

/// What happened to every payment row: they add up to the payments read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentTally {
    pub promoted: u64,
    /// In scope and not paid on time, but no window covers the day.
    pub not_promoted: u64,
    pub on_time: u64,
    pub forced: u64,
    pub out_of_scope: u64,
    /// Paid after the `through` day: ignored.
    pub after_through: u64,
}

impl PaymentTally {
    pub fn total(&self) -> u64 {
        self.promoted
            + self.not_promoted
            + self.on_time
            + self.forced
            + self.out_of_scope
            + self.after_through
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotedTable {
    pub through: Option<NaiveDate>,
    pub rows: Vec<PromotedRow>,
    /// Payment rows (not months) by outcome.
    pub payments: PaymentTally,
}

impl PromotedTable {
    /// The rows of the table's last month: every office has a row for every
    /// month of the table, so these are the latest of each office × kind.
    pub fn latest_rows(&self) -> impl Iterator<Item = &PromotedRow> {
        let last = self.rows.iter().map(|r| r.month).max();
        self.rows.iter().filter(move |r| Some(r.month) == last)
    }
}

/// Qualifying windows, merged per person: `spans[range]` are disjoint and sorted.
struct Windows {
    spans: Vec<(NaiveDate, NaiveDate)>,
    by_person: FxHashMap<PersonId, (u32, u32)>,
}

impl Windows {
    /// From the (person, first day, last day) of every qualifying contact.
    fn build(mut opened: Vec<(PersonId, NaiveDate, NaiveDate)>) -> Windows {
        opened.sort_unstable();
        let mut spans: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(opened.len());
        let mut by_person = FxHashMap::default();
        let mut current: Option<(PersonId, u32)> = None;
        for (person, start, end) in opened {
            match current {
                Some((p, _)) if p == person => {
                    let last = spans.last_mut().expect("a span of this person");
                    if start <= last.1 {
                        last.1 = last.1.max(end);
                        continue;
                    }
                    spans.push((start, end));
                }
                _ => {
                    if let Some((p, first)) = current {
                        by_person.insert(p, (first, spans.len() as u32));
                    }
                    current = Some((person, spans.len() as u32));
                    spans.push((start, end));
                }
            }
        }
        if let Some((p, first)) = current {
            by_person.insert(p, (first, spans.len() as u32));
        }
        Windows { spans, by_person }
    }

    fn covers(&self, person: PersonId, day: NaiveDate) -> bool {
        let Some(&(first, end)) = self.by_person.get(&person) else {
            return false;
        };
        let spans = &self.spans[first as usize..end as usize];
        let after = spans.partition_point(|(start, _)| *start <= day);
        after > 0 && day <= spans[after - 1].1
    }
}

/// The months the table spans: from the earliest record month to the latest,
/// never past `through`.
fn month_range(tables: &RecordTables, through: Option<NaiveDate>) -> Option<(YearMonth, YearMonth)> {
    let within = |d: &&NaiveDate| through.is_none_or(|t| **d <= t);
    let dates = tables.contacts.date.iter().filter(within).chain(tables.payments.paid.iter().filter(within));
    let (min, max) = dates.fold(None, |acc: Option<(NaiveDate, NaiveDate)>, d| match acc {
        None => Some((*d, *d)),
        Some((a, b)) => Some((a.min(*d), b.max(*d))),
    })?;
    Some((YearMonth::of(min), YearMonth::of(max)))
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Current => 0,
        Kind::Past1 => 1,
        Kind::Past2 => 2,
    }
}

/// Rows are counted a block at a time, by functions never inlined: V8 moves a
/// Wasm function to optimised code when it is next entered, so a first analysis
/// then runs in optimised code after its first blocks (see `Records::next_record`).
const BLOCK: usize = 1 << 16;

fn blocks(rows: usize) -> impl Iterator<Item = Range<usize>> {
    (0..rows).step_by(BLOCK).map(move |start| start..(start + BLOCK).min(rows))
}

/// The counts of the table, office × month (× kind) in one dense array each.
struct Grid {
    first: YearMonth,
    months: usize,
    through: Option<NaiveDate>,
    promoted: Vec<[u64; 3]>,
    qualifying: Vec<u64>,
    actions: Vec<ActionCounts>,
    /// Offices with a record in the table's range.
    active: Vec<bool>,
    /// A window's end depends on its month only: worked out once per month.
    window_ends: Vec<NaiveDate>,
}

impl Grid {
    fn slot(&self, office: OfficeId, date: NaiveDate) -> usize {
        office.0 as usize * self.months + (YearMonth::of(date).index() - self.first.index()) as usize
    }

    /// Counts actions and opens the windows of qualifying contacts.
    #[inline(never)]
    fn count_contacts(
        &mut self,
        c: &Contacts,
        rows: Range<usize>,
        opened: &mut Vec<(PersonId, NaiveDate, NaiveDate)>,
    ) {
        for i in rows {
            if self.through.is_some_and(|t| c.date[i] > t) {
                continue;
            }
            let s = self.slot(c.office[i], c.date[i]);
            self.actions[s].add(c.method[i]);
            if c.method[i] == Method::Letter && c.outcome[i] == Outcome::Returned {
                self.actions[s].returned_letters += 1;
            }
            self.active[c.office[i].0 as usize] = true;
            if is_qualifying(c.method[i], c.outcome[i]) {
                self.qualifying[s] += 1;
                opened.push((c.person[i], c.date[i], self.window_ends[s % self.months]));
            }
        }
    }

    /// Counts promoted months, and every payment row in the tally.
    #[inline(never)]
    fn count_payments(
        &mut self,
        p: &Payments,
        rows: Range<usize>,
        windows: &Windows,
        tally: &mut PaymentTally,
    ) {
        for i in rows {
            let paid = p.paid[i];
            if self.through.is_some_and(|t| paid > t) {
                tally.after_through += 1;
                continue;
            }
            self.active[p.office[i].0 as usize] = true;
            match eligibility(YearMonth::of(p.premium_month[i]), paid, p.channel[i]) {
                Eligibility::OnTime => tally.on_time += 1,
                Eligibility::Forced => tally.forced += 1,
                Eligibility::OutOfScope => tally.out_of_scope += 1,
                Eligibility::Eligible(kind) if windows.covers(p.person[i], paid) => {
                    tally.promoted += 1;
                    let s = self.slot(p.office[i], paid);
                    self.promoted[s][kind_index(kind)] += u64::from(p.months[i]);
                }
                Eligibility::Eligible(_) => tally.not_promoted += 1,
            }
        }
    }
}

/// Computes the office × kind × month table from the records up to `through`.
pub fn promoted_table(tables: &RecordTables, through: Option<NaiveDate>) -> PromotedTable {
    let mut table = PromotedTable { through, ..PromotedTable::default() };
    let Some((first, last)) = month_range(tables, through) else {
        table.payments.after_through = tables.payments.person.len() as u64;
        return table;
    };
    let months = (last.index() - first.index() + 1) as usize;
    let offices = tables.offices.len();
    let mut grid = Grid {
        first,
        months,
        through,
        promoted: vec![[0u64; 3]; offices * months],
        qualifying: vec![0u64; offices * months],
        actions: vec![ActionCounts::default(); offices * months],
        active: vec![false; offices],
        window_ends: (0..months).map(|m| window_end(first.plus(m as i64).first_day())).collect(),
    };
    let mut opened = Vec::new();
    for rows in blocks(tables.contacts.person.len()) {
        grid.count_contacts(&tables.contacts, rows, &mut opened);
    }
    let windows = Windows::build(opened);
    for rows in blocks(tables.payments.person.len()) {
        grid.count_payments(&tables.payments, rows, &windows, &mut table.payments);
    }
    let Grid { promoted, qualifying, actions, active, .. } = grid;

    let mut order: Vec<usize> = (0..offices).filter(|o| active[*o]).collect();
    order.sort_by(|a, b| tables.offices[*a].cmp(&tables.offices[*b]));
    for office in order {
        for kind in Kind::ALL {
            let mut to_date = 0;
            for m in 0..months {
                let month = first.plus(m as i64);
                if month.month == 5 {
                    to_date = 0;
                }
                let s = office * months + m;
                let monthly = promoted[s][kind_index(kind)];
                to_date += monthly;
                table.rows.push(PromotedRow {
                    office_code: tables.offices[office].clone(),
                    kind,
                    month,
                    promoted_months: monthly,
                    promoted_months_to_date: to_date,
                    qualifying_contacts: qualifying[s],
                    actions: actions[s],
                });
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::super::tables::{Channel, Outcome};
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn first_of(y: i32, m: u32) -> NaiveDate {
        d(y, m, 1)
    }

    fn row<'a>(t: &'a PromotedTable, office: &str, kind: Kind, month: &str) -> &'a PromotedRow {
        t.rows
            .iter()
            .find(|r| r.office_code == office && r.kind == kind && r.month.to_string() == month)
            .expect("row present")
    }

    #[test]
    fn a_payment_inside_a_window_counts_once_in_its_own_office() {
        let mut t = RecordTables::default();
        let a = t.office("A");
        let b = t.office("B");
        let p = PersonId(1);
        // Two overlapping windows (letter on 06-03, call on 06-20) and a voicemail.
        t.push_contact(p, a, d(2026, 6, 3), Method::Letter, Outcome::Sent);
        t.push_contact(p, a, d(2026, 6, 20), Method::Phone, Outcome::Person);
        t.push_contact(p, a, d(2026, 6, 21), Method::Phone, Outcome::Voicemail);
        // Past-year premium paid in the window, recorded at office B: 3 months.
        t.push_payment(p, b, d(2026, 7, 10), first_of(2025, 6), 3, Channel::Normal);
        // Before the first contact: not promoted.
        t.push_payment(p, b, d(2026, 6, 2), first_of(2025, 7), 1, Channel::Normal);
        // After the window (ends 07-31): not promoted.
        t.push_payment(p, b, d(2026, 8, 1), first_of(2025, 8), 1, Channel::Normal);
        let table = promoted_table(&t, None);
        let r = row(&table, "B", Kind::Past1, "2026-07");
        assert_eq!(r.promoted_months, 3);
        assert_eq!(row(&table, "A", Kind::Past1, "2026-07").promoted_months, 0);
        assert_eq!(row(&table, "A", Kind::Current, "2026-06").qualifying_contacts, 2);
        assert_eq!(row(&table, "A", Kind::Past2, "2026-06").actions.phone, 2);
        assert_eq!(row(&table, "B", Kind::Past1, "2026-08").promoted_months_to_date, 3);
        assert_eq!(table.payments.promoted, 1);
        assert_eq!(table.payments.not_promoted, 2);
        assert_eq!(table.payments.total(), 3);
    }

    #[test]
    fn on_the_contact_day_and_the_window_end_both_count_april_closes_early() {
        let mut t = RecordTables::default();
        let a = t.office("A");
        t.push_contact(PersonId(1), a, d(2027, 4, 10), Method::Phone, Outcome::JointObligor);
        t.push_payment(PersonId(1), a, d(2027, 4, 10), first_of(2025, 6), 1, Channel::Normal);
        t.push_payment(PersonId(1), a, d(2027, 4, 30), first_of(2025, 7), 1, Channel::Normal);
        t.push_payment(PersonId(1), a, d(2027, 5, 1), first_of(2025, 8), 1, Channel::Normal);
        let table = promoted_table(&t, None);
        assert_eq!(row(&table, "A", Kind::Past1, "2027-04").promoted_months, 2);
        assert_eq!(row(&table, "A", Kind::Past2, "2027-05").promoted_months, 0);
        assert_eq!(row(&table, "A", Kind::Past1, "2027-04").promoted_months_to_date, 2);
        assert_eq!(row(&table, "A", Kind::Past2, "2027-05").promoted_months_to_date, 0, "a new period");
    }

    #[test]
    fn through_ignores_later_records_and_other_persons_do_not_count() {
        let mut t = RecordTables::default();
        let a = t.office("A");
        t.push_contact(PersonId(1), a, d(2026, 9, 1), Method::Letter, Outcome::Sent);
        t.push_contact(PersonId(2), a, d(2026, 8, 1), Method::Letter, Outcome::Sent);
        t.push_payment(PersonId(1), a, d(2026, 9, 15), first_of(2025, 9), 1, Channel::Normal);
        t.push_payment(PersonId(3), a, d(2026, 8, 15), first_of(2025, 9), 1, Channel::Normal);
        t.push_payment(PersonId(1), a, d(2026, 9, 16), first_of(2025, 9), 1, Channel::Forced);
        let all = promoted_table(&t, None);
        assert_eq!(row(&all, "A", Kind::Past1, "2026-09").promoted_months, 1);
        assert_eq!(all.payments.forced, 1);
        let early = promoted_table(&t, Some(d(2026, 8, 31)));
        assert_eq!(early.rows.iter().map(|r| r.promoted_months).sum::<u64>(), 0);
        assert_eq!(early.payments.after_through, 2);
        assert_eq!(early.rows.last().unwrap().month.to_string(), "2026-08");
        assert_eq!(early.payments.total(), 3);
    }
}
