#!/usr/bin/env bash
# Builds the release app into dist/ (Trunk, offline, with npm's wasm-opt on PATH),
# and the single-file build dist/shuno.html.
set -euo pipefail
cd "$(dirname "$0")/.."
# Trunk runs cargo offline: fetch the crates first (a no-op once they are cached).
cargo fetch --quiet
PATH="$PWD/tools/node_modules/.bin:$PATH" trunk build --release --offline
# The same app in one file that opens from disk (dist/shuno.html), and the
# service worker that keeps the hosted build working offline (dist/sw.js).
python3 scripts/single_file.py dist
python3 scripts/service_worker.py dist
