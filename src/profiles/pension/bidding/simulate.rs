//! The Monte Carlo (#15): N runs of a [`BidPlan`], seeded. Each run draws,
//! per period simulated, one standard normal per district (the shared factor)
//! and one per office × kind; the ratio is the mean plus the deviation
//! `sd × (√ρ × shared + √(1 − ρ) × own)`, taken in whole millionths; P is
//! the least whole number of months at or above it (as a what-if ratio is),
//! and the settlement's tables give the yen. Account transfers beat their
//! target with the probability given (per office, or one draw per run), and
//! incident points are a Poisson count. ChaCha8 gives the same bits
//! everywhere; rand_distr's normal calls exp and ln only in its rare tail and
//! wedge tests, and those come from the platform (glibc natively, Rust's libm
//! port in Wasm). The two agree on the draws tested (`tests/bid_web.rs` pins
//! a seed's figures to the native ones; the e2e test finds the page equal to
//! `shuno bid-sim`); a last-bit disagreement would change a run's draws, and
//! is not ruled out by construction.

use super::input::TransferDraw;
use super::plan::BidPlan;
use super::summary::Draws;
use crate::core::money::Yen;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Poisson, StandardNormal};
use std::ops::ControlFlow;

/// Runs between two progress reports.
pub const CHUNK: u32 = 500;

/// Runs the plan `runs` times from `seed`. `progress` hears the runs done
/// after every [`CHUNK`] and may stop the job (`None` then).
pub fn simulate(
    plan: &BidPlan,
    runs: u32,
    seed: u64,
    mut progress: impl FnMut(u32) -> ControlFlow<()>,
) -> Option<Draws> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let poisson = Poisson::new(plan.incident_mean).ok().filter(|_| plan.incident_mean > 0.0);
    let (shared_weight, own_weight) = plan.factor_weights;
    let p = plan.transfer_probability;
    let office_count = plan.offices.len();
    let mut district_totals = vec![Vec::with_capacity(runs as usize); plan.districts.len()];
    let mut office_sum = vec![0i128; office_count];
    let mut office_cross = vec![0i128; office_count];
    let mut office_run = vec![0 as Yen; office_count];
    let mut district_run = vec![0 as Yen; plan.districts.len()];
    let mut factors = vec![0f64; plan.districts.len()];
    for run in 0..runs {
        office_run.fill(0);
        for period in &plan.periods {
            factors.iter_mut().for_each(|f| *f = rng.sample(StandardNormal));
            let above_for_all = plan.transfer_draw == TransferDraw::Run && rng.random_bool(p);
            for ((office, label), total) in period.offices.iter().zip(&plan.offices).zip(&mut office_run) {
                let shared = shared_weight * factors[label.district];
                let mut yen = office.fixed_yen;
                for kind in &office.kinds {
                    let own: f64 = rng.sample(StandardNormal);
                    let delta = (kind.sd_micro * (shared + own_weight * own)).round() as i64;
                    yen += kind.adjustment_yen(kind.promoted_at(delta));
                }
                let above = match plan.transfer_draw {
                    TransferDraw::Office => rng.random_bool(p),
                    TransferDraw::Run => above_for_all,
                };
                yen += office.transfer_yen[usize::from(above)];
                if let Some(poisson) = &poisson {
                    yen += office.incident(poisson.sample(&mut rng) as i64);
                }
                *total += yen;
            }
        }
        district_run.fill(0);
        for (label, total) in plan.offices.iter().zip(&office_run) {
            district_run[label.district] += total;
        }
        let grand: Yen = district_run.iter().sum();
        for (d, total) in district_run.iter().enumerate() {
            district_totals[d].push(*total);
        }
        for ((sum, cross), total) in office_sum.iter_mut().zip(&mut office_cross).zip(&office_run) {
            *sum += i128::from(*total);
            *cross = cross.saturating_add(i128::from(*total) * i128::from(grand));
        }
        if (run + 1) % CHUNK == 0 && progress(run + 1).is_break() {
            return None;
        }
    }
    Some(Draws { runs, seed, district_totals, office_sum, office_cross })
}
