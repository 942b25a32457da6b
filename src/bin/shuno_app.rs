//! The browser app's entry point (built by Trunk for wasm32-unknown-unknown).

fn main() {
    shuno::app::start();
}
