#!/usr/bin/env bash
# Installs what Shūnō's build and tests need on a bare machine of this project's
# kind (only package registries are reachable). Every step skips itself when its
# tool is already there at the right version, so a second run takes seconds.
#
#   scripts/setup.sh build   wasm target, Trunk, wasm-bindgen CLI, wasm-opt
#   scripts/setup.sh test    the above, plus Chromium, ChromeDriver, Firefox ESR, CJK fonts, e2e node packages
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-build}
say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then return; fi
  say "installing Trunk 0.21 (about 7 minutes on 2 cores)"
  cargo install trunk --version '~0.21' --locked
}

ensure_wasm_bindgen() {
  local v
  v=$(wasm_bindgen_version)
  if wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $v\$"; then return; fi
  say "installing wasm-bindgen-cli $v (the version in Cargo.lock; about 3 minutes)"
  # Without --locked: with it, resolution fails on a yanked locked dependency.
  cargo install wasm-bindgen-cli --version "$v"
}

ensure_node_packages() {
  local dir=$1
  if [ -d "$dir/node_modules" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then return; fi
  say "installing node packages in $dir"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
}

ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then return; fi
  say "installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
# wasm-opt comes from npm's binaryen: Debian's binaryen 108 cannot parse the
# reference-types code that wasm-bindgen 0.2.130 emits.
ensure_node_packages tools

if [ "$want" = test ]; then
  ensure_apt chromium chromium-driver fonts-noto-cjk firefox-esr
  ensure_node_packages tests/e2e
fi
