//! The import Web Worker's entry point (built by Trunk as a worker).

fn main() {
    shuno::app::import_worker::start();
}
