#!/usr/bin/env bash
# The main job: install what is missing, build the release app, and serve it on
# http://127.0.0.1:8080 with the demo dataset loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build-app.sh
echo "Shūnō is at http://127.0.0.1:8080  (Ctrl-C stops it)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
