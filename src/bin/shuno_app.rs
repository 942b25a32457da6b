//! The browser app of the national pension contract (profile A), with the
//! tender's calculators (built by Trunk from index.html).

fn main() {
    shuno::app::start::<shuno::app::PensionApp>();
}
