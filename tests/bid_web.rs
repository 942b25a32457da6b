//! The bidder's Monte Carlo compiled to Wasm, in headless Chromium: the same
//! seed gives the figures the native test pins (tests/bidding.rs), so a bid
//! priced in the browser and by `shuno bid-sim` agree. In a release build it
//! also times the issue's size for docs/bench.md (a measurement, not an
//! assertion):
//!
//!     CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown \
//!       --no-default-features --features app,bidding --test bid_web
#![cfg(target_arch = "wasm32")]

use shuno::profiles::pension::bidding::{self, synthetic, BidInput};
use std::ops::ControlFlow;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The same bid as `SYNTHETIC_BID` in tests/bidding.rs.
const SYNTHETIC_BID: &str = r#"{
  "synthetic": {"offices": 100, "districts": 4, "due_months": [12000, 9000, 7000],
                "target_percent": [70, 20, 12.5], "fee_yen": 300000000},
  "periods": [1, 2, 3],
  "performance": [{"ratio_mean": 1.0, "ratio_sd": 0.05},
                  {"district": "試算ブロック2", "kind": "past2", "ratio_mean": 0.9, "ratio_sd": 0.1}],
  "district_correlation": 0.3,
  "account_transfer_above_target_probability": 0.5,
  "runs": 1000, "seed": 7}"#;

#[wasm_bindgen_test]
fn a_seed_gives_the_native_figures() {
    let bid: BidInput = serde_json::from_str(SYNTHETIC_BID).unwrap();
    let data = synthetic::dataset(bid.synthetic.as_ref().unwrap()).unwrap();
    let result = bidding::run(&data, &bid, |_| ControlFlow::Continue(())).unwrap().unwrap();
    let t = &result.total;
    assert_eq!((t.fee_yen, t.p5, t.p50, t.p95), (3_600_000_000, 3_467_030_000, 3_519_568_000, 3_572_364_000));
    if !cfg!(debug_assertions) {
        let issue = BidInput { runs: Some(10_000), ..bid };
        let now = || web_sys::window().unwrap().performance().unwrap().now();
        let started = now();
        bidding::run(&data, &issue, |_| ControlFlow::Continue(())).unwrap().unwrap();
        web_sys::console::log_1(
            &format!(
                "bench bid-sim wasm: 10,000 runs × 100 offices × 3 kinds × 3 periods: {:.0} ms",
                now() - started
            )
            .into(),
        );
    }
}
