#!/usr/bin/env bash
# Builds the release app into dist/ (Trunk, offline, with npm's wasm-opt on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
# Trunk runs cargo offline: fetch the crates first (a no-op once they are cached).
cargo fetch --quiet
PATH="$PWD/tools/node_modules/.bin:$PATH" trunk build --release --offline
