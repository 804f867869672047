#!/usr/bin/env bash
# Installs everything the run and test commands need on a Debian machine that has only
# rustup, Node/npm, Python and gcc. Idempotent: each step checks first and is skipped when
# its tool is already there at the right version, so a second run takes a few seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

log() { printf '[setup] %s\n' "$*"; }

# Runs a command as root, through sudo when we are not root already.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Browsers and ChromeDriver from Debian's packages.
missing_packages=()
command -v chromium >/dev/null || missing_packages+=(chromium)
command -v chromedriver >/dev/null || missing_packages+=(chromium-driver)
command -v firefox >/dev/null || missing_packages+=(firefox-esr)
if [ ${#missing_packages[@]} -gt 0 ]; then
  log "installing ${missing_packages[*]} with apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_packages[@]}"
fi

# Rust pieces: the wasm target and the lint tools the test command runs.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

# trunk 0.21.14: 0.22 needs a newer rustc than this machine's.
if ! trunk --version 2>/dev/null | grep -qx 'trunk 0.21.14'; then
  log "installing trunk 0.21.14 (takes several minutes, once per machine)"
  cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
wasm_bindgen_version="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')"
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wasm_bindgen_version"; then
  log "installing wasm-bindgen-cli $wasm_bindgen_version"
  # --locked fails on this version (a yanked webpki-roots), so resolve afresh.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

if ! command -v geckodriver >/dev/null; then
  log "installing geckodriver"
  cargo install geckodriver --locked
fi

# wasm-opt (npm binaryen) and axe-core, pinned by package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/axe-core/axe.min.js ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing node tools (binaryen, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

log "ready: $(trunk --version), $(wasm-bindgen --version), $(geckodriver --version | sed -n 1p), wasm-opt $(wasm-opt --version | sed -n 1p)"
