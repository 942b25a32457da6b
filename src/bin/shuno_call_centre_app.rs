//! The browser app of the municipal call centre (profile B), built by Trunk
//! from call-centre.html: a Wasm of its own, so neither contract's first visit
//! carries the other's pages.

fn main() {
    shuno::app::start::<shuno::app::CallCentreApp>();
}
