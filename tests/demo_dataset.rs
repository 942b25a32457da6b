//! The demo generator is deterministic, the dataset the app ships is exactly its
//! output for seed 1, and the dataset is what the Foundation issue describes.

use shuno::core::import::{import, SourceFile};
use shuno::profiles::pension::calendar as national_pension;
use shuno::profiles::pension::Pension;
use std::collections::BTreeSet;

#[test]
fn the_shipped_demo_is_the_generator_output_for_seed_1() {
    let files = shuno::demo::generate(1);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/demo");
    for f in &files {
        let shipped = std::fs::read(format!("{dir}/{}", f.name)).unwrap();
        assert!(shipped == f.bytes, "public/demo/{} is stale: run `shuno demo --out public/demo`", f.name);
    }
    let manifest = std::fs::read_to_string(format!("{dir}/manifest.json")).unwrap();
    assert_eq!(manifest, shuno::demo::manifest(&files));
    assert!(generate_twice_is_identical());
}

fn generate_twice_is_identical() -> bool {
    let a = shuno::demo::generate(42);
    let b = shuno::demo::generate(42);
    a.iter().zip(&b).all(|(x, y)| x.name == y.name && x.bytes == y.bytes)
        && shuno::demo::generate(43).iter().zip(&a).any(|(x, y)| x.bytes != y.bytes)
}

#[test]
fn the_demo_is_a_realistic_district() {
    let files = shuno::demo::generate(1);
    let sources: Vec<SourceFile> =
        files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
    let report = import::<Pension>(&sources);
    assert!(report.problems.is_empty(), "{:?}", report.problems.first());
    let d = &report.dataset;
    assert!((75..=85).contains(&d.offices.len()));
    let prefectures: BTreeSet<&str> = d.offices.iter().map(|o| o.prefecture.as_str()).collect();
    assert_eq!(prefectures.len(), 12);
    let months: BTreeSet<_> = d.progress.iter().map(|p| p.month).collect();
    assert_eq!(months.len(), 36, "monthly snapshots for all three periods");
    assert!(months.iter().all(|m| national_pension::period_of(*m).is_some()));
    assert!(!d.incidents.is_empty() && !d.incident_scale.is_empty() && !d.activity.is_empty());
    assert_eq!(d.targets.len(), d.offices.len() * 9);
    assert_eq!(d.account_transfers.len(), d.offices.len() * 3);
    // Period-to-date snapshots never go backwards within a period.
    for w in d.progress.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let same_period = national_pension::period_of(a.month) == national_pension::period_of(b.month);
        if a.office_code == b.office_code && a.kind == b.kind && same_period {
            assert!(b.promoted_months >= a.promoted_months && b.due_months >= a.due_months);
        }
    }
}
