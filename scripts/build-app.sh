#!/usr/bin/env bash
# Builds the release app into dist/ (Trunk, offline, with npm's wasm-opt on PATH),
# and the single-file build dist/shuno.html.
set -euo pipefail
cd "$(dirname "$0")/.."
# Trunk runs cargo offline: fetch the crates first (a no-op once they are cached).
cargo fetch --quiet
PATH="$PWD/tools/node_modules/.bin:$PATH" trunk build --release --offline
# The call centre's app (profile B) and the dunning blocks' (profile C) are
# pages of their own: each built apart, then laid beside index.html (Trunk
# builds one app per page and empties its dist).
for page in call-centre dunning; do
  rm -rf "target/dist-$page"
  PATH="$PWD/tools/node_modules/.bin:$PATH" trunk build "$page.html" --release --offline --dist "target/dist-$page"
  if [ -f "target/dist-$page/index.html" ]; then
    mv "target/dist-$page/index.html" "target/dist-$page/$page.html"
  fi
  cp -r "target/dist-$page/." dist/
done
# Each contract's app in one file that opens from disk (dist/shuno.html,
# dist/shuno-call-centre.html, dist/shuno-dunning.html), and the service worker that keeps the hosted
# build working offline (dist/sw.js).
python3 scripts/single_file.py dist
python3 scripts/service_worker.py dist
