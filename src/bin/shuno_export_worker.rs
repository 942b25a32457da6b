//! The export Web Worker's entry point (built by Trunk as a worker, loaded only
//! when a workbook is asked for).

fn main() {
    shuno::app::export_worker::start();
}
