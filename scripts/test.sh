#!/usr/bin/env bash
# Every test: formatting and lints, native unit and integration tests, Wasm tests
# in headless Chromium, and the end-to-end browser tests against the release app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*" >&2; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features app --lib --bins -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features app,workbooks --lib --bins -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features app,bidding --lib --bins -- -D warnings

step "native tests"
cargo test

step "wasm tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --no-default-features --features app,bidding --test web --test worker --test bid_web

step "release build, size budget and end-to-end tests"
cargo build --release --bin shuno
scripts/build-app.sh
python3 scripts/size.py
node --test --test-concurrency=1 tests/e2e/
