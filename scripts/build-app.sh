#!/usr/bin/env bash
# Builds the release app into dist/ (Trunk, offline, with npm's wasm-opt on PATH),
# and the single-file build dist/shuno.html.
set -euo pipefail
cd "$(dirname "$0")/.."
# Trunk runs cargo offline: fetch the crates first (a no-op once they are cached).
cargo fetch --quiet
PATH="$PWD/tools/node_modules/.bin:$PATH" trunk build --release --offline
# The call centre's app (profile B) is a page of its own: built apart, then laid
# beside index.html (Trunk builds one app per page and empties its dist).
rm -rf target/dist-call-centre
PATH="$PWD/tools/node_modules/.bin:$PATH" trunk build call-centre.html --release --offline --dist target/dist-call-centre
if [ -f target/dist-call-centre/index.html ]; then
  mv target/dist-call-centre/index.html target/dist-call-centre/call-centre.html
fi
cp -r target/dist-call-centre/. dist/
# Each contract's app in one file that opens from disk (dist/shuno.html,
# dist/shuno-call-centre.html), and the service worker that keeps the hosted
# build working offline (dist/sw.js).
python3 scripts/single_file.py dist
python3 scripts/service_worker.py dist
