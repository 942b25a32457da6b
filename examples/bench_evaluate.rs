//! Measures the settlement model: `prepare` once, then `evaluate` (no overrides,
//! and with one override per office) and one what-if change (a draft read into
//! a scenario, settled and compared with the baseline), on the shipped demo (81 offices) and on a
//! national-size synthetic set (309 offices in 12 districts).
//!
//!     cargo run --release --example bench_evaluate
//!
//! Prints the median of each over many runs; figures go to docs/bench.md.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use shuno::core::import::{import, SourceFile};
use shuno::core::origin::Origin;
use shuno::profiles::pension::dataset::*;
use shuno::profiles::pension::rules::scenario::Scenario;
use shuno::profiles::pension::rules::{evaluate, prepare, settle, Override, Overrides, SettleOptions};
use shuno::profiles::pension::views::comparison::{compare, settle_scenario};
use shuno::profiles::pension::views::whatif::{Change, Drafts};
use shuno::profiles::pension::Pension;
use std::time::Instant;

fn median_micros(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn demo() -> PensionDataset {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo");
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    let sources: Vec<SourceFile> =
        files.iter().map(|(name, bytes)| SourceFile { name, bytes, encoding: None }).collect();
    import::<Pension>(&sources).dataset
}

/// 309 offices in 12 districts, every month of period 1, targets and transfers;
/// ratios up to 250 % (above 300 % the data is refused as implausible).
fn national(seed: u64) -> PensionDataset {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut d = PensionDataset::default();
    let o = Origin::default;
    for district in 0..12 {
        let name = format!("地区{district:02}");
        d.fees.push(PeriodFee { district: name.clone(), period: 1, fee_yen: 3_000_000_000, origin: o() });
        for i in 0..(309 / 12 + usize::from(district < 309 % 12)) {
            let code = format!("{district:02}{i:03}");
            d.offices.push(Office {
                code: code.clone(),
                name: code.clone(),
                prefecture: name.clone(),
                district: name.clone(),
                origin: o(),
            });
            for kind in Kind::ALL {
                let due = rng.random_range(5_000..80_000);
                for m in 0..12 {
                    let month = shuno::profiles::pension::calendar::CONTRACT_START.plus(m);
                    let (excluded, forced) = (due / 3, due / 50);
                    let promoted = (due - excluded - forced) * rng.random_range(5..25) * (m + 1) / 1200;
                    d.progress.push(Progress {
                        office_code: code.clone(),
                        kind,
                        month,
                        due_months: due,
                        excluded_paid_months: excluded,
                        forced_months: forced,
                        promoted_months: promoted,
                        origin: o(),
                    });
                }
                d.targets.push(Target {
                    office_code: code.clone(),
                    period: 1,
                    kind,
                    rate_percent: Decimal::new(rng.random_range(100..300), 1),
                    origin: o(),
                });
            }
            d.account_transfers.push(AccountTransfer {
                office_code: code,
                period: 1,
                target_count: 100,
                acquired_count: rng.random_range(80..120),
                origin: o(),
            });
        }
    }
    d
}

fn main() {
    let options = SettleOptions { period: Some(1), ..SettleOptions::default() };
    println!(
        "| dataset | offices | settle µs | prepare µs | evaluate µs | evaluate, 1 override per office µs | one what-if change µs |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (name, data) in [("demo (seed 1)", demo()), ("national synthetic (seed 1)", national(1))] {
        let model = prepare(&data, Some(1), None).expect("prepares");
        let overrides = Overrides(
            model
                .offices
                .iter()
                .map(|o| Override::PromotedMonthsAdded {
                    office_code: o.code.clone(),
                    kind: Kind::Current,
                    months: 1,
                })
                .collect(),
        );
        let rules = options.rules();
        let settle_us = median_micros(51, || drop(settle(&data, &options).unwrap()));
        let prepare_us = median_micros(51, || drop(prepare(&data, Some(1), None).unwrap()));
        let evaluate_us = median_micros(501, || drop(evaluate(&model, &rules, &Overrides::none()).unwrap()));
        let override_us = median_micros(501, || drop(evaluate(&model, &rules, &overrides).unwrap()));
        // One keystroke on the what-if page: the draft read, settled, compared.
        let baseline = evaluate(&model, &rules, &Overrides::none()).unwrap();
        let mut drafts = Drafts::default();
        drafts.open(Scenario::default());
        drafts.add_line(0, Change::PromotedMonthsAdded);
        let code = model.offices[model.offices.len() / 2].code.clone();
        drafts.edit_line(0, 0, |l| l.offices.office_code = code);
        let mut n = 0;
        let change_us = median_micros(501, || {
            n += 1;
            drafts.edit_line(0, 0, |l| l.value = (n % 50).to_string());
            let (scenario, _) = drafts.drafts[0].scenario();
            let settled = settle_scenario(&model, &scenario, rules, Some(&baseline)).unwrap();
            drop(compare(&baseline, &[Some(&settled)]));
        });
        let offices = model.offices.len();
        println!(
            "| {name} | {offices} | {settle_us:.0} | {prepare_us:.0} | {evaluate_us:.0} | {override_us:.0} | {change_us:.0} |"
        );
    }
}
