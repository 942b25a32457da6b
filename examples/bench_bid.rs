//! Measures the bidder's Monte Carlo (#15) at the issue's size: 10,000 runs
//! over 100 offices × 3 kinds × 3 periods (a synthetic district), plan and
//! runs and summary, and the same on the demo (81 offices, one period).
//!
//!     cargo run --release --example bench_bid
//!
//! Prints the median of 5; figures go to docs/bench.md beside the browser's
//! (tests/e2e/bid.test.mjs).

use shuno::core::import::{import, SourceFile};
use shuno::profiles::pension::bidding::{self, synthetic, BidInput};
use shuno::profiles::pension::Pension;
use std::ops::ControlFlow;
use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let issue: BidInput = serde_json::from_str(
        r#"{"synthetic": {"offices": 100, "due_months": [12000, 9000, 7000],
                          "target_percent": [70, 20, 12.5], "fee_yen": 300000000},
            "periods": [1, 2, 3], "performance": [{"ratio_mean": 1.0, "ratio_sd": 0.05}],
            "district_correlation": 0.3, "runs": 10000}"#,
    )
    .expect("reads");
    let synthetic_data = synthetic::dataset(issue.synthetic.as_ref().expect("synthetic")).expect("made");
    let files = shuno::demo::generate(1);
    let sources: Vec<SourceFile> =
        files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
    let demo = import::<Pension>(&sources).dataset;
    let demo_bid: BidInput =
        serde_json::from_str(r#"{"performance": [{"ratio_mean": 1.0, "ratio_sd": 0.05}], "runs": 10000}"#)
            .expect("reads");
    println!("| bid | offices × kinds × periods | runs | plan ms | whole job ms |");
    println!("|---|---|---|---|---|");
    for (name, data, input) in
        [("issue size (synthetic)", &synthetic_data, &issue), ("demo", &demo, &demo_bid)]
    {
        let plan = bidding::plan(data, input).expect("plans");
        let kinds: usize = plan.periods[0].offices.iter().map(|o| o.kinds.len()).sum();
        let plan_ms = median_ms(5, || drop(bidding::plan(data, input).unwrap()));
        let job_ms = median_ms(5, || drop(bidding::run(data, input, |_| ControlFlow::Continue(())).unwrap()));
        println!(
            "| {name} | {} × {} × {} | {} | {plan_ms:.1} | {job_ms:.0} |",
            plan.offices.len(),
            kinds as f64 / plan.offices.len() as f64,
            plan.periods.len(),
            input.runs()
        );
    }
}
