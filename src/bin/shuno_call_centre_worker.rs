//! The call centre's import worker (built by Trunk as a worker, started only
//! when the call-centre profile loads its files or its demo).

fn main() {
    shuno::app::call_centre_worker::start();
}
