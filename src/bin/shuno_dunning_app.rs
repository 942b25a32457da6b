//! The browser app of the workers'-compensation dunning blocks (profile C),
//! built by Trunk from dunning.html: a Wasm of its own, so no other
//! contract's first visit carries its pages.

fn main() {
    shuno::app::start::<shuno::app::DunningApp>();
}
