//! Profile C's timing duties (#17, seed 004 仕様書 3(1)): every edge the issue
//! names, and the call duty against a second computation.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use shuno::core::business_days::HolidayTable;
use shuno::profiles::dunning::blocks::{Block, DebtKind};
use shuno::profiles::dunning::duties::{
    check, slow_start, Contact, Debt, Letter, PhoneCode, Rule, Switches, VisitCode,
};
use shuno::profiles::dunning::slot::Slot;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_hms_opt(h, m, 0).unwrap()
}

/// A debt handed over on 2026-09-01 (Tuesday), slot b, the letter sent on 09-08.
fn debt() -> Debt {
    Debt {
        debt_id: "D-1".into(),
        block: Block::ALL[2],
        kind: DebtKind::ThirdParty,
        handover: d(2026, 9, 1),
        slot: Slot::B,
        no_plan_needed: false,
        has_phone: true,
        letter: Letter { sent: Some(d(2026, 9, 8)), returned: None, mailing_stopped: false },
        calls: vec![],
        visits: vec![],
        location_months: None,
        ended: None,
    }
}

fn call(day: NaiveDate, code: u8) -> Contact<PhoneCode> {
    Contact { at: at(day, 10, 0), code: PhoneCode::new(code).unwrap() }
}

fn visit(day: NaiveDate, code: u8) -> Contact<VisitCode> {
    Contact { at: at(day, 10, 0), code: VisitCode::new(code).unwrap() }
}

fn rules(debt: &Debt, s: &Switches, as_of: NaiveDate) -> Vec<(Rule, Option<NaiveDate>, Option<NaiveDate>)> {
    check(debt, s, &HolidayTable::shipped(), as_of).into_iter().map(|f| (f.rule, f.due, f.done)).collect()
}

fn has(debt: &Debt, s: &Switches, rule: Rule) -> bool {
    rules(debt, s, d(2027, 3, 31)).iter().any(|r| r.0 == rule)
}

#[test]
fn a_letter_on_day_14_is_on_time_and_on_day_15_late() {
    let s = Switches::default();
    let mut x = debt();
    x.letter.sent = Some(d(2026, 9, 15));
    assert!(!has(&x, &s, Rule::LetterLate));
    x.letter.sent = Some(d(2026, 9, 16));
    assert_eq!(
        rules(&x, &s, d(2026, 9, 16))[0],
        (Rule::LetterLate, Some(d(2026, 9, 15)), Some(d(2026, 9, 16)))
    );
    // Not sent: late once day 14 has passed; a stopped mailing has no letter duty.
    x.letter.sent = None;
    assert!(rules(&x, &s, d(2026, 9, 15)).is_empty());
    assert_eq!(rules(&x, &s, d(2026, 9, 16))[0], (Rule::LetterLate, Some(d(2026, 9, 15)), None));
    x.letter.mailing_stopped = true;
    assert!(rules(&x, &s, d(2026, 9, 16)).is_empty());
}

#[test]
fn the_first_call_on_day_7_and_day_8_under_both_switches() {
    let day8 = Switches::default();
    let day7 = Switches { first_call_day: 7, ..Switches::default() };
    let mut x = debt();
    x.calls = vec![call(d(2026, 9, 15), 9)];
    assert_eq!(
        rules(&x, &day8, d(2026, 9, 15))[0],
        (Rule::FirstCallEarly, Some(d(2026, 9, 16)), Some(d(2026, 9, 15)))
    );
    assert!(!has(&x, &day7, Rule::FirstCallEarly));
    x.calls = vec![call(d(2026, 9, 16), 9)];
    assert!(!has(&x, &day8, Rule::FirstCallEarly));
    assert!(!has(&x, &day7, Rule::FirstCallEarly));
    // No calls are due after a return, or for 三納 with column ⑩ ○ (費 has no such column).
    x.calls = vec![call(d(2026, 9, 10), 9)];
    x.no_plan_needed = true;
    assert!(!has(&x, &day8, Rule::FirstCallEarly));
    x.kind = DebtKind::CostRecovery;
    assert!(has(&x, &day8, Rule::FirstCallEarly));
}

#[test]
fn three_calls_on_two_dates_are_too_few_and_a_dead_number_ends_the_duty() {
    let s = Switches::default();
    let mut x = debt();
    x.calls = vec![call(d(2026, 9, 16), 9), call(d(2026, 9, 16), 12), call(d(2026, 9, 17), 10)];
    assert!(has(&x, &s, Rule::TooFewCalls));
    x.calls.push(call(d(2026, 9, 18), 9));
    assert!(!has(&x, &s, Rule::TooFewCalls));
    x.calls = vec![call(d(2026, 9, 16), 13)];
    assert!(!has(&x, &s, Rule::TooFewCalls), "⑬ after one call");
    // ⑮ ends it by default; reaching the debtor only under the switch.
    x.calls = vec![call(d(2026, 9, 16), 15)];
    assert!(!has(&x, &s, Rule::TooFewCalls));
    assert!(has(&x, &Switches { bureau_stop_ends_calls: false, ..s }, Rule::TooFewCalls));
    x.calls = vec![call(d(2026, 9, 16), 2)];
    assert!(has(&x, &s, Rule::TooFewCalls));
    assert!(!has(&x, &Switches { reaching_ends_calls: true, ..s }, Rule::TooFewCalls));
}

#[test]
fn calls_and_visits_outside_the_debtors_slot() {
    let s = Switches::default();
    let mut x = debt();
    // Slot b: weekday 8:30–18:30. 2026-11-18 Wednesday, 11-21 Saturday, 11-23 勤労感謝の日.
    let times = [
        (d(2026, 11, 18), 18, 29, true),
        (d(2026, 11, 18), 18, 30, true),
        (d(2026, 11, 18), 21, 0, false),
        (d(2026, 11, 21), 10, 0, false),
        (d(2026, 11, 23), 10, 0, false),
    ];
    for (day, h, m, fits) in times {
        x.calls = vec![Contact { at: at(day, h, m), code: PhoneCode::new(9).unwrap() }];
        assert_eq!(!has(&x, &s, Rule::CallOutsideSlot), fits, "{day} {h}:{m:02}");
    }
    // The holiday as a weekday (switch): 10:00 fits b.
    assert!(!has(&x, &Switches { holidays_as_weekend: false, ..s }, Rule::CallOutsideSlot));
    x.slot = Slot::A;
    x.calls = vec![];
    x.visits = vec![Contact { at: at(d(2026, 11, 18), 21, 1), code: VisitCode::new(1).unwrap() }];
    assert!(has(&x, &s, Rule::VisitOutsideSlot));
    x.visits = vec![Contact { at: at(d(2026, 11, 18), 21, 0), code: VisitCode::new(1).unwrap() }];
    assert!(!has(&x, &s, Rule::VisitOutsideSlot));
}

#[test]
fn a_return_on_new_years_eve_is_due_at_februarys_end() {
    let s = Switches::default();
    let mut x = debt();
    x.letter.returned = Some(d(2026, 12, 31));
    assert!(rules(&x, &s, d(2027, 2, 28)).iter().all(|r| r.0 != Rule::LocationCheckLate));
    assert_eq!(
        rules(&x, &s, d(2027, 3, 1)).into_iter().find(|r| r.0 == Rule::LocationCheckLate),
        Some((Rule::LocationCheckLate, Some(d(2027, 2, 28)), None))
    );
    x.letter.returned = Some(d(2027, 12, 31));
    x.visits = vec![visit(d(2028, 3, 1), 1)];
    assert_eq!(
        rules(&x, &s, d(2028, 3, 31)).into_iter().find(|r| r.0 == Rule::LocationCheckLate),
        Some((Rule::LocationCheckLate, Some(d(2028, 2, 29)), Some(d(2028, 3, 1))))
    );
    x.visits = vec![visit(d(2028, 2, 29), 1)];
    assert!(!has(&x, &s, Rule::LocationCheckLate));
    // The bureau's own period (※): 3 months.
    x.location_months = Some(3);
    x.visits = vec![visit(d(2028, 3, 31), 1)];
    assert!(!has(&x, &s, Rule::LocationCheckLate));
}

#[test]
fn the_last_call_that_reached_no_one_starts_the_location_check() {
    let s = Switches::default();
    let mut x = debt();
    x.calls = vec![call(d(2026, 9, 16), 9), call(d(2026, 9, 17), 12), call(d(2026, 9, 18), 7)];
    // ⑦ is not reaching by default: due 2 months after the third call.
    assert_eq!(
        rules(&x, &s, d(2026, 12, 1)).into_iter().find(|r| r.0 == Rule::LocationCheckLate),
        Some((Rule::LocationCheckLate, Some(d(2026, 11, 18)), None))
    );
    assert!(!has(&x, &Switches { message_left_reaches: true, ..s }, Rule::LocationCheckLate));
    // No phone number: neither trigger.
    x.has_phone = false;
    x.calls.clear();
    assert!(!has(&x, &s, Rule::LocationCheckLate));
}

#[test]
fn visits_coded_absent_absent_are_too_few_and_absent_then_nameplate_end_them() {
    let s = Switches::default();
    let mut x = debt();
    x.letter.returned = Some(d(2026, 9, 20));
    x.visits = vec![visit(d(2026, 10, 1), 2), visit(d(2026, 10, 8), 2)];
    assert!(has(&x, &s, Rule::TooFewVisits));
    // While the two months run (to 2026-11-20), a third visit can still come.
    let on = |day| rules(&x, &s, day).iter().any(|r| r.0 == Rule::TooFewVisits);
    assert!(!on(d(2026, 11, 20)));
    assert!(on(d(2026, 11, 21)));
    x.visits = vec![visit(d(2026, 10, 1), 2), visit(d(2026, 10, 8), 3)];
    assert!(!has(&x, &s, Rule::TooFewVisits));
    x.visits = vec![visit(d(2026, 10, 1), 2), visit(d(2026, 10, 8), 2), visit(d(2026, 10, 15), 2)];
    assert!(!has(&x, &s, Rule::TooFewVisits));
    // Two visits on one day are one visit.
    x.visits = vec![visit(d(2026, 10, 1), 2), visit(d(2026, 10, 1), 2), visit(d(2026, 10, 15), 2)];
    assert!(has(&x, &s, Rule::TooFewVisits));
}

proptest! {
    /// The call duty equals a second computation: at least 3 distinct dates, or
    /// a ⑬ or ⑮ anywhere (the defaults), else too few.
    #[test]
    fn too_few_calls_agrees_with_counting_dates(calls in proptest::collection::vec((0u64..20, 1u8..=15), 0..8)) {
        let mut x = debt();
        x.calls = calls
            .iter()
            .map(|&(day, code)| call(d(2026, 9, 16).checked_add_days(chrono::Days::new(day)).unwrap(), code))
            .collect();
        let dates: std::collections::BTreeSet<_> = calls.iter().map(|c| c.0).collect();
        let ended = calls.iter().any(|c| c.1 == 13 || c.1 == 15);
        prop_assert_eq!(has(&x, &Switches::default(), Rule::TooFewCalls), dates.len() < 3 && !ended);
    }
}

/// The user's slow-start threshold (the seed sets no latest day): sent 09-08,
/// 14 days gives 09-22; a first call that day is not slow, the day after is;
/// with no call, slow once the day has passed; never when calls are not due.
#[test]
fn a_slow_start_is_judged_against_the_users_threshold_only() {
    let mut x = debt();
    assert_eq!(slow_start(&x, 14, d(2026, 9, 22)), None, "not yet past");
    let none = slow_start(&x, 14, d(2026, 9, 23)).unwrap();
    assert_eq!((none.expected, none.first_call), (d(2026, 9, 22), None));
    x.calls = vec![call(d(2026, 9, 22), 9)];
    assert_eq!(slow_start(&x, 14, d(2026, 12, 1)), None);
    x.calls = vec![call(d(2026, 9, 23), 9)];
    assert_eq!(slow_start(&x, 14, d(2026, 12, 1)).unwrap().first_call, Some(d(2026, 9, 23)));
    x.letter.returned = Some(d(2026, 9, 12));
    assert_eq!(slow_start(&x, 14, d(2026, 12, 1)), None, "no calls are due after a return");
    assert!(!has(&x, &Switches::default(), Rule::FirstCallEarly), "and it is never a rule's finding");
}
