//! The call centre's worker (built by Trunk as a worker, started only when
//! the call-centre app loads its files or its demo): reads the files and
//! writes out every page.

/// The demo (`shuno demo --profile call-centre`, seed 1), carried in the worker
/// so that the served build and the single file show the same.
const DEMO: shuno::app::pages_worker::Demo = &[
    ("daily_log.csv", include_bytes!("../../public/demo/call-centre/daily_log.csv")),
    ("monthly_targets.csv", include_bytes!("../../public/demo/call-centre/monthly_targets.csv")),
    ("sunday_openings.csv", include_bytes!("../../public/demo/call-centre/sunday_openings.csv")),
];

fn main() {
    shuno::app::pages_worker::start::<shuno::profiles::call_centre::CallCentre>(DEMO);
}
