//! The workers'-compensation tender's money (#15, seed 004): the bid to write
//! against a second computation in decimals; the build-up's round trip; every
//! clause, with day counts across 29 February under both year bases against
//! a day-by-day sum of exact fractions.

use chrono::{Datelike, Days, NaiveDate};
use num_rational::Ratio;
use proptest::prelude::*;
use rust_decimal::Decimal;
use shuno::profiles::dunning::blocks::{Block, DebtKind};
use shuno::profiles::dunning::tender::buildup::{build_up, seed_volumes, BuildUpInput, UnitCosts};
use shuno::profiles::dunning::tender::clauses::*;
use shuno::profiles::dunning::tender::price::{bid_price, BidPrice};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The award price in decimals: X + X × rate with the fraction dropped.
fn award_decimal(x: i64, rate: Decimal) -> i64 {
    let tax = (Decimal::from(x) * rate / Decimal::ONE_HUNDRED).floor();
    x + i64::try_from(tax).unwrap()
}

/// The largest X whose award price is at most A, by searching around A ÷ (1 + rate).
fn bid_decimal(amount: i64, rate: Decimal) -> i64 {
    let guess =
        i64::try_from((Decimal::from(amount) * Decimal::ONE_HUNDRED / (Decimal::ONE_HUNDRED + rate)).floor())
            .unwrap();
    (guess - 3..=guess + 3).filter(|x| *x >= 0 && award_decimal(*x, rate) <= amount).max().unwrap()
}

#[test]
fn the_issues_example_and_both_rates() {
    let p = |amount, rate: i64| bid_price(amount, Decimal::from(rate)).unwrap();
    let BidPrice { bid_form_amount, award_price, shortcut, .. } = p(1_000_000, 8);
    assert_eq!((bid_form_amount, award_price, shortcut), (925_926, 1_000_000, 925_925));
    let BidPrice { bid_form_amount, award_price, shortcut, .. } = p(1_000_000, 10);
    assert_eq!((bid_form_amount, award_price, shortcut), (909_091, 1_000_000, 909_090));
    // An amount no bid reaches exactly (12 + 0 = 12, 13 + 1 = 14): a yen short.
    assert_eq!((p(13, 8).bid_form_amount, p(13, 8).award_price), (12, 12));
    assert_eq!(p(0, 8).bid_form_amount, 0);
    assert!(bid_price(-1, Decimal::from(8)).is_none());
}

/// Where the 100/108 shortcut is a yen short, the rule is one more; it is never more than one.
#[test]
fn the_shortcut_is_a_yen_short_for_most_amounts() {
    for rate in [8, 10] {
        let mut short = 0;
        for amount in 1..=20_000i64 {
            let p = bid_price(amount, Decimal::from(rate)).unwrap();
            assert!(p.bid_form_amount - p.shortcut <= 1, "{amount} at {rate}%");
            short += i64::from(p.bid_form_amount > p.shortcut);
        }
        assert!(short > 10_000, "the shortcut was short {short} times in 20,000 at {rate}%");
    }
}

proptest! {
    #[test]
    fn bid_and_award_round_trip(amount in 0i64..100_000_000_000, rate in prop_oneof![Just(8i64), Just(10)], tenths in 0i64..10) {
        let rate = Decimal::from(rate) + Decimal::new(tenths, 1) * Decimal::from(i64::from(tenths == 5));
        let p = bid_price(amount, rate).unwrap();
        prop_assert_eq!(p.bid_form_amount, bid_decimal(amount, rate));
        prop_assert_eq!(p.award_price, award_decimal(p.bid_form_amount, rate));
        prop_assert!(p.award_price <= amount && award_decimal(p.bid_form_amount + 1, rate) > amount);
    }
}

#[test]
fn the_build_up_adds_up_and_its_bid_is_the_subtotal() {
    let input = BuildUpInput {
        block: Block::Tokyo,
        volumes: None,
        visits: None,
        recovery_cases: None,
        coordinators: None,
        unit_costs: UnitCosts {
            letter: 1_200,
            phone_notice: 2_500,
            location_check: 8_000,
            visit: 0,
            recovery: [30_000, 45_000, 60_000, 90_000],
            coordinator: 4_800_000,
        },
        other_project_yen: 3_000_000,
        admin_percent: Decimal::new(125, 1),
        tax_rate_percent: Decimal::from(8),
    };
    let b = build_up(&input).unwrap();
    assert_eq!(seed_volumes(Block::Tokyo)[DebtKind::ThirdParty.index()], [2_426, 1_460, 864]);
    let letters: i64 = [2_426, 115, 73].iter().sum::<i64>() * 1_200;
    let phones: i64 = [1_460, 69, 45].iter().sum::<i64>() * 2_500;
    let checks: i64 = [864, 41, 26].iter().sum::<i64>() * 8_000;
    let recovery = 25 * 30_000 + 12 * 45_000 + 7 * 60_000 + 90_000;
    let project = letters + phones + checks + recovery + 2 * 4_800_000 + 3_000_000;
    assert_eq!(b.project_yen, project);
    assert_eq!(b.admin_yen, project * 125 / 1000);
    assert_eq!(b.subtotal_yen, project + project * 125 / 1000);
    assert_eq!(b.tax_yen, b.subtotal_yen * 8 / 100);
    assert_eq!(b.contract_amount_yen, b.subtotal_yen + b.tax_yen);
    assert_eq!(b.bid.bid_form_amount, b.subtotal_yen, "the bid for subtotal + tax is the subtotal");
    assert_eq!(b.bid.award_price, b.contract_amount_yen);
}

/// Interest by summing, day by day, amount × rate ÷ that day's year length.
fn interest_by_days(
    amount: i64,
    rate_percent: i64,
    rate_tenths: i64,
    from: NaiveDate,
    to: NaiveDate,
    actual: bool,
) -> i64 {
    let mut sum = Ratio::<i128>::from_integer(0);
    let mut d = from + Days::new(1);
    while d <= to {
        let len = if actual && d.leap_year() { 366 } else { 365 };
        sum += Ratio::new(i128::from(amount) * i128::from(rate_percent * 10 + rate_tenths), 1000 * len);
        d = d + Days::new(1);
    }
    sum.to_integer() as i64
}

#[test]
fn late_payment_across_29_february_under_both_bases() {
    let rate = Decimal::new(28, 1);
    // Invoice received 2028-01-20: due 2028-02-19; paid 2028-03-10: 20 days, 29 Feb among them.
    for (received, paid, days) in
        [("2028-01-20", "2028-03-10", 20), ("2027-11-20", "2028-01-10", 21), ("2027-01-20", "2027-03-10", 19)]
    {
        for (basis, actual) in [(YearBasis::Days365, false), (YearBasis::Actual, true)] {
            let l = late_payment(1_000_000, day(received), day(paid), rate, basis).unwrap();
            assert_eq!(l.due_date, day(received) + Days::new(30));
            assert_eq!(l.days, days);
            assert_eq!(
                l.interest_yen,
                interest_by_days(1_000_000, 2, 8, l.due_date, day(paid), actual),
                "{received} {basis:?}"
            );
        }
    }
    let leap =
        late_payment(1_000_000, day("2028-01-20"), day("2028-03-10"), rate, YearBasis::Actual).unwrap();
    let fixed =
        late_payment(1_000_000, day("2028-01-20"), day("2028-03-10"), rate, YearBasis::Days365).unwrap();
    assert_eq!((fixed.interest_yen, leap.interest_yen), (1_534, 1_530));
    // Paid on time: nothing; a debt of the state under ¥1 is ¥1.
    assert_eq!(
        late_payment(1_000_000, day("2028-01-20"), day("2028-02-19"), rate, YearBasis::Days365)
            .unwrap()
            .interest_yen,
        0
    );
    assert_eq!(
        late_payment(10, day("2028-01-20"), day("2028-02-20"), rate, YearBasis::Days365)
            .unwrap()
            .interest_yen,
        1
    );
}

#[test]
fn penalties_and_charges_owed_to_the_state() {
    assert_eq!(not_signing(925_926), 46_296);
    assert_eq!(termination(1_080_000_001), 216_000_000);
    let r = |f: RiggingFacts| bid_rigging(100_000_003, f);
    assert_eq!(r(RiggingFacts::default()).total_yen, 0);
    assert_eq!(r(RiggingFacts { any_item: true, ..Default::default() }).total_yen, 10_000_000);
    assert_eq!(r(RiggingFacts { conviction: true, ..Default::default() }).total_yen, 10_000_000);
    let aggravated = r(RiggingFacts { conviction: true, pledge: true, ..Default::default() });
    assert_eq!((aggravated.base_yen, aggravated.additional_yen), (10_000_000, 5_000_000));
    assert_eq!(
        r(RiggingFacts { any_item: true, surcharge_order: true, ..Default::default() }).additional_yen,
        0,
        "2項 needs item 4"
    );
    // 延滞金 5 % a year over 29 Feb 2028: days 2028-02-01 → 2028-03-01 = 29.
    for (basis, actual) in [(YearBasis::Days365, false), (YearBasis::Actual, true)] {
        let got = delay_charge(3_000_000, day("2028-02-01"), day("2028-03-01"), basis).unwrap();
        assert_eq!(got, interest_by_days(3_000_000, 5, 0, day("2028-02-01"), day("2028-03-01"), actual));
    }
    assert_eq!(
        delay_charge(1, day("2028-02-01"), day("2028-02-02"), YearBasis::Days365),
        Some(0),
        "owed to the state: dropped"
    );
}

#[test]
fn misuse_repayment_by_fault() {
    let m = |fault, rate: Decimal, waived| {
        misuse_surcharge(
            2_000_000,
            day("2028-01-31"),
            day("2028-04-30"),
            fault,
            rate,
            waived,
            YearBasis::Days365,
        )
    };
    let two = Decimal::new(20, 1);
    assert_eq!(
        m(Fault::Deliberate, two, false),
        Some(interest_by_days(2_000_000, 2, 0, day("2028-01-31"), day("2028-04-30"), false))
    );
    assert_eq!(
        m(Fault::GrossNegligence, Decimal::ONE, false),
        Some(interest_by_days(2_000_000, 1, 0, day("2028-01-31"), day("2028-04-30"), false))
    );
    assert_eq!(m(Fault::Negligence, two, false), Some(0), "plain negligence: the principal only");
    assert_eq!(m(Fault::Deliberate, two, true), Some(0), "waived (3項)");
    assert_eq!(m(Fault::Deliberate, Decimal::new(21, 1), false), None, "at most 2.0 %");
    let a = apply_payment(1_000, 300, 200, 10_000);
    assert_eq!((a.surcharge_yen, a.delay_yen, a.principal_yen, a.left_yen), (300, 200, 500, 0));
    let a = apply_payment(20_000, 300, 200, 10_000);
    assert_eq!(a.left_yen, 9_500);
}

#[test]
fn settlement_moves_and_subcontracts() {
    assert_eq!(settled_amount(9_000_000, 10_000_000), 9_000_000);
    assert_eq!(settled_amount(12_000_000, 10_000_000), 10_000_000);
    let r = reallocation(50_000_000, 10_000_000, &[2_000_000, 1], false);
    assert_eq!(
        (r.limit_yen, r.needs_approval.clone()),
        (2_000_000, vec![false, false]),
        "exactly 20 % is allowed"
    );
    assert_eq!(reallocation(50_000_000, 10_000_000, &[2_000_000, 1], true).needs_approval, vec![false, true]);
    assert_eq!(reallocation(50_000_000, 10_000_000, &[2_000_001], false).needs_approval, vec![true]);
    let s = |amount, whole, management, printing| {
        subcontract(Subcontract {
            contract_amount: 10_000_000,
            amount,
            whole_work: whole,
            management,
            printing_or_translation: printing,
        })
    };
    assert!(!s(499_999, false, false, false).needs_approval);
    assert!(s(500_000, false, false, false).needs_approval);
    assert!(s(5_000_000, false, false, false).half_or_more, "exactly half is not under half");
    assert!(!s(4_999_999, false, false, false).half_or_more);
    assert!(s(1_000_000, false, true, false).forbidden && s(1_000_000, true, false, false).forbidden);
    let printing = s(9_000_000, true, false, true);
    assert!(!printing.is_subcontract && !printing.forbidden && !printing.needs_approval);
}

#[test]
fn the_year_basis_reads_and_a_year_end_is_split() {
    let l =
        late_payment(1_000_000, day("2027-11-20"), day("2028-01-10"), Decimal::new(28, 1), YearBasis::Actual)
            .unwrap();
    // 11 days of 2027 over 365 and 10 of 2028 over 366.
    let want = Ratio::new(1_000_000i128 * 28, 1000) * (Ratio::new(11, 365) + Ratio::new(10, 366));
    assert_eq!(l.interest_yen as i128, want.to_integer());
    assert_eq!(day("2028-01-10").year(), 2028);
}

#[test]
fn the_pages_build_up_form_reads_to_the_seeds_volumes() {
    use shuno::profiles::dunning::tender::form::{rows, BuildUpForm};
    let mut form = BuildUpForm::for_block(Block::Kanto);
    form.costs[0] = "1,200".into();
    form.costs[8] = "¥4,800,000".into();
    let read = form.read().unwrap();
    let seed = BuildUpInput {
        volumes: None,
        visits: None,
        recovery_cases: None,
        coordinators: None,
        ..read.clone()
    };
    assert_eq!(build_up(&read), build_up(&seed));
    assert_eq!(rows().len(), form.volumes.len());
    form.volumes[5] = "百".into();
    form.tax_rate_percent = "x".into();
    assert_eq!(form.read().unwrap_err(), vec!["volume.5".to_string(), "tax_rate_percent".to_string()]);
}

#[test]
fn every_calculator_computes_its_defaults_and_names_a_bad_field() {
    use shuno::profiles::dunning::tender::calculator::{Calculator, Figure};
    for c in Calculator::ALL {
        assert!(c.compute(&c.defaults()).is_ok(), "{}", c.code());
    }
    let late = Calculator::LatePayment.compute(&Calculator::LatePayment.defaults()).unwrap();
    let want = late_payment(
        100_000_000,
        day("2028-01-20"),
        day("2028-03-10"),
        Decimal::new(28, 1),
        YearBasis::Days365,
    )
    .unwrap();
    assert_eq!(late[2], ("interest", Figure::Yen(want.interest_yen)));
    let mut fields = Calculator::LatePayment.defaults();
    fields[2] = "2028-02-30".into();
    assert_eq!(Calculator::LatePayment.compute(&fields), Err(vec![2]));
    let bid = Calculator::BidPrice.compute(&Calculator::BidPrice.defaults()).unwrap();
    assert_eq!(bid[0], ("bid_form_amount", Figure::Yen(925_926)));
}

/// 第13条3 with the settlement report's lines: a line may spend beyond its
/// cap after moves while the total stays under (settled: the whole spend);
/// the total is what is compared.
#[test]
fn settlement_lines_compare_the_total_and_show_each_line() {
    let s = settlement_lines(
        [80_000_000, 20_000_000, 8_000_000],
        (3_000_000, 0),
        [84_000_000, 14_000_000, 7_840_000],
        0,
    );
    assert_eq!(s.after, [83_000_000, 17_000_000, 8_000_000]);
    assert_eq!(s.difference, [-1_000_000, 3_000_000, 160_000]);
    assert_eq!((s.total_cap, s.total_spend, s.settled), (108_000_000, 105_840_000, 105_840_000));
    assert!(!s.move_needs_approval, "3,000,000 is under 20 % of 20,000,000");
    let over = settlement_lines(
        [80_000_000, 20_000_000, 8_000_000],
        (0, 4_000_001),
        [80_000_000, 20_000_000, 8_000_001],
        108_000_000,
    );
    assert_eq!((over.settled, over.refund), (108_000_000, 0), "exactly the cap");
    assert!(over.move_needs_approval);
    let under = settlement_lines([1_000, 1_000, 100], (0, 0), [500, 500, 100], 2_100);
    assert_eq!((under.settled, under.refund), (1_100, 1_000));
}

proptest! {
    /// A second computation: the settled fee is the spend when it fits under
    /// the cap and the cap otherwise; the lines' differences add up to cap −
    /// spend (moves cancel out).
    #[test]
    fn settlement_lines_agree_with_a_second_computation(
        caps in proptest::array::uniform3(0i64..200_000_000),
        spend in proptest::array::uniform3(0i64..200_000_000),
        to_project in 0i64..10_000_000,
        to_admin in 0i64..10_000_000,
        paid in 0i64..600_000_000,
    ) {
        let s = settlement_lines(caps, (to_project, to_admin), spend, paid);
        let (cap, spent): (i64, i64) = (caps.iter().sum(), spend.iter().sum());
        let settled = if spent <= cap { spent } else { cap };
        prop_assert_eq!(s.settled, settled);
        prop_assert_eq!(s.difference.iter().sum::<i64>(), cap - spent);
        prop_assert_eq!(s.refund, if paid > settled { paid - settled } else { 0 });
    }
}
