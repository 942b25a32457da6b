//! The bid Web Worker's entry point (built by Trunk as a worker, started only
//! when a bid is simulated).

fn main() {
    shuno::app::bid_worker::start();
}
