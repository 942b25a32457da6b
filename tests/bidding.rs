//! The bidder's estimator (#15) on the demo and on synthetic districts: the
//! compiled tables give `evaluate`'s office totals for any promoted months,
//! transfer result and points (the second computation of every yen a run
//! adds up); with no spread the percentiles are the deterministic settlement
//! at those ratios; a seed reproduces; the summary agrees with a plain
//! recomputation from the runs; bad settings are refused by name.

use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use shuno::core::import::{import, SourceFile};
use shuno::core::money::{Exact, Rounding};
use shuno::profiles::pension::bidding::simulate::simulate;
use shuno::profiles::pension::bidding::summary::{percentile, Draws};
use shuno::profiles::pension::bidding::{self, compile, summarize, synthetic, BidError, BidInput};
use shuno::profiles::pension::dataset::PensionDataset;
use shuno::profiles::pension::rules::scenario::Scenario;
use shuno::profiles::pension::rules::settlement::AdjustmentBase;
use shuno::profiles::pension::rules::{evaluate, prepare, BandMode, Model, Override, Overrides, RuleOptions};
use shuno::profiles::pension::views::comparison::settle_scenario;
use shuno::profiles::pension::Pension;
use std::ops::ControlFlow;
use std::sync::OnceLock;

fn demo() -> &'static (PensionDataset, Model) {
    static DEMO: OnceLock<(PensionDataset, Model)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let files = shuno::demo::generate(1);
        let sources: Vec<SourceFile> =
            files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
        let data = import::<Pension>(&sources).dataset;
        let model = prepare(&data, Some(1), None).unwrap();
        (data, model)
    })
}

fn input(json: &str) -> BidInput {
    serde_json::from_str(json).unwrap()
}

/// The bid every reproduction test runs (the Wasm test runs the same file).
pub const SYNTHETIC_BID: &str = r#"{
  "synthetic": {"offices": 100, "districts": 4, "due_months": [12000, 9000, 7000],
                "target_percent": [70, 20, 12.5], "fee_yen": 300000000},
  "periods": [1, 2, 3],
  "performance": [{"ratio_mean": 1.0, "ratio_sd": 0.05},
                  {"district": "試算ブロック2", "kind": "past2", "ratio_mean": 0.9, "ratio_sd": 0.1}],
  "district_correlation": 0.3,
  "account_transfer_above_target_probability": 0.5,
  "runs": 1000, "seed": 7}"#;

fn options_strategy() -> impl Strategy<Value = RuleOptions> {
    (0..2usize, 0..3usize, 0..2usize).prop_map(|(b, r, a)| RuleOptions {
        band_mode: BandMode::ALL[b],
        rounding: Rounding::ALL[r],
        adjustment_base: [AdjustmentBase::Exact, AdjustmentBase::RoundedYen][a],
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every office total a run adds up equals `evaluate`'s for the same
    /// promoted months, transfer result and incident points.
    #[test]
    fn the_tables_give_what_evaluate_gives(options in options_strategy(), seed in any::<u64>()) {
        let (data, model) = demo();
        let bid = BidInput {
            band_mode: options.band_mode,
            rounding: options.rounding,
            adjustment_base: options.adjustment_base,
            ..BidInput::default()
        };
        let plan = compile(model, data, &bid).unwrap();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut overrides = Vec::new();
        let mut totals = Vec::new();
        for (office, inputs) in plan.periods[0].offices.iter().zip(&model.offices) {
            let promoted: Vec<i64> = office.kinds.iter().map(|k| rng.random_range(0..=k.denominator)).collect();
            let (above, points) = (rng.random_bool(0.5), rng.random_range(0..20));
            totals.push(office.total(promoted.iter().copied(), above, points));
            for (k, p) in office.kinds.iter().zip(&promoted) {
                let months = p - inputs.kinds[k.kind.index()].promoted_months;
                overrides.push(Override::PromotedMonthsAdded { office_code: inputs.code.clone(), kind: k.kind, months });
            }
            let acquired_count = if above { 2 } else { 0 };
            overrides.push(Override::AccountTransfer { office_code: inputs.code.clone(), target_count: 1, acquired_count });
            overrides.push(Override::IncidentPoints { office_code: inputs.code.clone(), points });
        }
        let settled = evaluate(model, &options, &Overrides(overrides)).unwrap();
        let want: Vec<i64> = settled.offices.iter().map(|o| o.total_yen).collect();
        prop_assert_eq!(totals, want);
    }
}

/// With no spread and a sure transfer result, every run is the settlement at
/// the mean ratios: P5 = P50 = P95 = mean = the scenario's district totals.
#[test]
fn no_spread_gives_the_deterministic_settlement() {
    let (data, model) = demo();
    for (mean, p, acquired, mode) in [
        ("0.97", "1", 2, "tiered"),
        ("1.08", "0", 0, "flat"),
        ("0.78", "1", 2, "flat"),
        ("1.25", "0", 0, "tiered"),
    ] {
        let bid = input(&format!(
            r#"{{"period": 1, "performance": [{{"ratio_mean": {mean}, "ratio_sd": 0}}],
                "account_transfer_above_target_probability": {p}, "band_mode": "{mode}",
                "district_correlation": 0.5, "runs": 40}}"#
        ));
        let result = bidding::run(data, &bid, |_| ControlFlow::Continue(())).unwrap().unwrap();
        let percent = Decimal::from_str_exact(mean).unwrap() * Decimal::ONE_HUNDRED;
        let scenario: Scenario = serde_json::from_str(&format!(
            r#"{{"band_mode": "{mode}", "ratio": [{{"ratio_percent": "{percent}"}}],
                "account_transfer": [{{"target_count": 1, "acquired_count": {acquired}}}],
                "incident_points": [{{"points": 0}}]}}"#
        ))
        .unwrap();
        let settled = settle_scenario(model, &scenario, RuleOptions::default(), None).unwrap();
        for (summary, district) in result.districts.iter().zip(&settled.districts) {
            let t = district.total_yen;
            assert_eq!([summary.mean, summary.p5, summary.p50, summary.p95], [t; 4], "mean {mean}, {mode}");
            assert_eq!(summary.fee_yen, district.period_fee_yen);
        }
        assert!(result.drivers.is_empty(), "no spread, no drivers");
    }
}

/// "Like the last period" with no spread is the data's own settlement, but
/// for the transfer drawn.
#[test]
fn like_the_last_period_keeps_the_data() {
    let (data, model) = demo();
    let bid = input(
        r#"{"period": 1, "performance": [{"like_last_period": true, "ratio_sd": 0}],
            "account_transfer_above_target_probability": 1, "runs": 10}"#,
    );
    let result = bidding::run(data, &bid, |_| ControlFlow::Continue(())).unwrap().unwrap();
    let transfers = model.offices.iter().map(|o| Override::AccountTransfer {
        office_code: o.code.clone(),
        target_count: 0,
        acquired_count: 1,
    });
    let mut overrides: Vec<Override> = transfers.collect();
    // The data's incidents are the model's; a bid draws its own (none here).
    overrides.extend(
        model.offices.iter().map(|o| Override::IncidentPoints { office_code: o.code.clone(), points: 0 }),
    );
    let settled = evaluate(model, &RuleOptions::default(), &Overrides(overrides)).unwrap();
    assert_eq!(result.total.p50, settled.districts.iter().map(|d| d.total_yen).sum::<i64>());
}

#[test]
fn a_seed_reproduces_and_another_does_not() {
    let bid = input(SYNTHETIC_BID);
    let data = synthetic::dataset(bid.synthetic.as_ref().unwrap()).unwrap();
    let once = bidding::run(&data, &bid, |_| ControlFlow::Continue(())).unwrap().unwrap();
    let again = bidding::run(&data, &bid, |_| ControlFlow::Continue(())).unwrap().unwrap();
    assert_eq!(once, again);
    let other = BidInput { seed: Some(8), ..bid.clone() };
    assert_ne!(
        bidding::run(&data, &other, |_| ControlFlow::Continue(())).unwrap().unwrap().total,
        once.total
    );
    // The figures the Wasm test (tests/bid_web.rs) must also give.
    let t = &once.total;
    assert_eq!((t.fee_yen, t.p5, t.p50, t.p95), (3_600_000_000, 3_467_030_000, 3_519_568_000, 3_572_364_000));
    assert_eq!(once.periods, vec![1, 2, 3]);
    assert_eq!(once.districts.len(), 4);
}

/// Stopping at a progress report gives nothing; the reports count the runs.
#[test]
fn progress_is_heard_and_can_stop_the_job() {
    let bid = input(SYNTHETIC_BID);
    let data = synthetic::dataset(bid.synthetic.as_ref().unwrap()).unwrap();
    let plan = bidding::plan(&data, &bid).unwrap();
    let mut heard = Vec::new();
    let draws = simulate(&plan, 1200, 1, |done| {
        heard.push(done);
        ControlFlow::Continue(())
    });
    assert_eq!(heard, vec![500, 1000]);
    assert_eq!(draws.unwrap().district_totals[0].len(), 1200);
    assert!(simulate(&plan, 1200, 1, |_| ControlFlow::Break(())).is_none());
}

/// The summary against a plain recomputation from the runs: exact means
/// rounded once, nearest-rank percentiles, the share below the fee.
#[test]
fn the_summary_agrees_with_a_recomputation() {
    let bid = input(SYNTHETIC_BID);
    let data = synthetic::dataset(bid.synthetic.as_ref().unwrap()).unwrap();
    let plan = bidding::plan(&data, &bid).unwrap();
    let draws = simulate(&plan, 999, 3, |_| ControlFlow::Continue(())).unwrap();
    let result = summarize(&plan, &draws);
    for (d, summary) in result.districts.iter().enumerate() {
        let runs = &draws.district_totals[d];
        let mut sorted = runs.clone();
        sorted.sort();
        let n = runs.len() as i128;
        let sum: i128 = runs.iter().map(|r| *r as i128).sum();
        assert_eq!(summary.mean, Rounding::Truncate.to_yen(&Exact::new(sum, n)).unwrap());
        for (q, got) in [(5, summary.p5), (50, summary.p50), (95, summary.p95)] {
            // The smallest run with at least q % of the runs at or below it.
            let want = *sorted
                .iter()
                .find(|x| sorted.iter().filter(|y| y <= x).count() * 100 >= q * runs.len())
                .unwrap();
            assert_eq!(got, want, "P{q}");
        }
        let below = runs.iter().filter(|r| **r < summary.fee_yen).count();
        assert_eq!(
            summary.prob_below_fee,
            (Decimal::from(below) / Decimal::from(runs.len())).round_dp(6).normalize()
        );
        let short: i128 = runs.iter().map(|r| (summary.fee_yen - r).max(0) as i128).sum();
        assert_eq!(summary.expected_decrease_yen, Rounding::Truncate.to_yen(&Exact::new(short, n)).unwrap());
        assert_eq!(summary.histogram.iter().map(|b| b.runs as usize).sum::<usize>(), runs.len());
    }
    let shares: Decimal = result.drivers.iter().map(|d| d.share_percent).sum();
    assert!(shares > Decimal::ZERO && shares <= Decimal::from(101), "{shares}");
}

#[test]
fn nearest_rank_percentiles() {
    let sorted: Vec<i64> = (1..=20).collect();
    assert_eq!([0, 5, 50, 95, 100].map(|q| percentile(&sorted, q)), [1, 1, 10, 19, 20]);
    assert_eq!(percentile(&[7], 50), 7);
    assert_eq!(percentile(&[], 50), 0);
}

#[test]
fn bad_settings_are_refused_by_name() {
    let (data, _) = demo();
    let fails = |json: &str| bidding::plan(data, &input(json)).unwrap_err();
    assert!(
        matches!(&fails(r#"{"district_correlation": 1.5}"#)[0], BidError::OutOfRange { setting, .. } if setting == "district_correlation")
    );
    assert!(matches!(&fails(r#"{"performance": [{"ratio_sd": 0.1}]}"#)[0], BidError::NoMean { entry: 0 }));
    assert!(matches!(&fails(r#"{"periods": [4]}"#)[0], BidError::NoSuchPeriod { period: 4 }));
    assert!(matches!(&fails(r#"{"fees": [{"district": "どこか", "fee_yen": 1}]}"#)[0], BidError::Entry(_)));
    assert!(matches!(
        &fails(r#"{"performance": [{"office_code": "00000", "ratio_mean": 1}]}"#)[0],
        BidError::Entry(_)
    ));
    assert!(serde_json::from_str::<BidInput>(r#"{"performance": [{"ratio_mean": 1, "sd": 0.1}]}"#).is_err());
    let synthetic = input(
        r#"{"synthetic": {"offices": 3, "due_months": [1, 1, 1], "target_percent": [50, 50, 50], "fee_yen": 9}, "incident_points_mean": 1}"#,
    );
    let data = synthetic::dataset(synthetic.synthetic.as_ref().unwrap()).unwrap();
    assert_eq!(bidding::plan(&data, &synthetic).unwrap_err(), vec![BidError::IncidentsWithoutScale]);
    let message = fails(r#"{"district_correlation": -1}"#)[0].message(shuno::core::i18n::Lang::En);
    assert!(message.contains("district_correlation") && message.contains("0–1"), "{message}");
}

/// A fee per period is simulated per period; an entry without a period is
/// every period's.
#[test]
fn fees_per_period() {
    let (data, model) = demo();
    let name = &model.districts[0].name;
    let bid = input(&format!(
        r#"{{"period": 1, "periods": [1, 2], "fees": [{{"district": "{name}", "fee_yen": 1000000000}},
                                          {{"district": "{name}", "period": 2, "fee_yen": 900000000}}]}}"#
    ));
    let plan = bidding::plan(data, &bid).unwrap();
    assert_eq!(plan.fees, vec![1_900_000_000]);
    let draws =
        Draws { runs: 0, seed: 0, district_totals: vec![vec![]], office_sum: vec![], office_cross: vec![] };
    assert_eq!(summarize(&plan, &draws).total.fee_yen, 1_900_000_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A drawn ratio becomes the least P at or above it, as a what-if ratio does.
    #[test]
    fn a_drawn_ratio_reaches_the_least_p(delta in -2_000_000i64..2_000_000) {
        let (data, model) = demo();
        let plan = compile(model, data, &input(r#"{"performance": [{"ratio_mean": 0.97, "ratio_sd": 0.1}]}"#)).unwrap();
        for (office, inputs) in plan.periods[0].offices.iter().zip(&model.offices).step_by(9) {
            for k in &office.kinds {
                let kind = &inputs.kinds[k.kind.index()];
                let level = Exact::new(97, 100) + Exact::new(i128::from(delta), 1_000_000);
                let want = (level * kind.target.unwrap() * Exact::from_integer(i128::from(kind.denominator()))).ceil();
                let want = want.to_integer().clamp(0, i128::from(k.denominator)) as i64;
                prop_assert_eq!(k.promoted_at(delta), want);
            }
        }
    }
}

/// The page's form: the defaults read; a file opens into the form and reads
/// back to the same bid (what the form cannot show is kept); a field that
/// does not read is named.
#[test]
fn the_form_reads_and_a_file_round_trips() {
    use shuno::profiles::pension::bidding::form::{BidForm, Field};
    let (defaults, errors) = BidForm::default().read();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(defaults.performance[0].ratio_mean, Some(Decimal::ONE));
    assert_eq!(defaults.performance[0].ratio_sd, Decimal::new(5, 2));
    let file = input(
        r#"{"period": 1, "periods": [1, 3],
            "fees": [{"district": "A", "fee_yen": 5}, {"district": "A", "period": 3, "fee_yen": 6}],
            "targets": [{"kind": "current", "target_percent": 70}],
            "performance": [{"district": "A", "kind": "past1", "ratio_mean": 0.9, "ratio_sd": 0.02},
                            {"office_code": "90101", "like_last_period": true, "ratio_sd": 0.01}],
            "district_correlation": 0.25, "account_transfer_above_target_probability": 0.4,
            "account_transfer_draw": "run", "incident_points_mean": 1.5, "band_mode": "flat",
            "rounding": "half-up", "runs": 123, "seed": 5}"#,
    );
    let (back, errors) = BidForm::from_input(&file).read();
    assert!(errors.is_empty(), "{errors:?}");
    let sorted = |mut b: BidInput| {
        b.fees.sort_by_key(|f| f.period);
        b.performance.sort_by(|x, y| x.office_code.cmp(&y.office_code));
        b
    };
    assert_eq!(sorted(back), sorted(file));
    let mut form = BidForm::default();
    form.lines[0].mean_percent = "百".into();
    form.runs = "-1".into();
    let fields: Vec<Field> = form.read().1.into_iter().map(|e| e.field).collect();
    assert_eq!(fields, vec![Field::Mean(0), Field::Runs]);
}
