//! The dunning blocks' worker (built by Trunk as a worker, started only when
//! the dunning app loads its files or its demo): reads the files and writes
//! out every page.

/// The demo (`shuno demo --profile dunning`, seed 1), carried in the worker so
/// that the served build and the single file show the same.
const DEMO: shuno::app::pages_worker::Demo = &[
    ("debts.csv", include_bytes!("../../public/demo/dunning/debts.csv")),
    ("letters.csv", include_bytes!("../../public/demo/dunning/letters.csv")),
    ("calls.csv", include_bytes!("../../public/demo/dunning/calls.csv")),
    ("visits.csv", include_bytes!("../../public/demo/dunning/visits.csv")),
    ("acknowledgements.csv", include_bytes!("../../public/demo/dunning/acknowledgements.csv")),
    ("recoveries.csv", include_bytes!("../../public/demo/dunning/recoveries.csv")),
    ("bureau_stops.csv", include_bytes!("../../public/demo/dunning/bureau_stops.csv")),
];

fn main() {
    shuno::app::pages_worker::start::<shuno::profiles::dunning::Dunning>(DEMO);
}
