#!/usr/bin/env bash
# Runs every check and test suite: formatting, lints, native unit and emulator integration
# tests, the widget's browser tests in headless Chromium and Firefox, and the end-to-end
# journeys in both browsers. Installs what is missing first (see setup.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/setup.sh"

step() { printf '\n[test] == %s\n' "$*"; }

step "formatting"
cargo fmt --all --check

step "lints (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p calendar-connect --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: widget logic and emulator"
cargo test --workspace --exclude e2e

step "widget browser tests: Chromium"
"$REPO_ROOT/scripts/wasm-test.sh" chromium
step "widget browser tests: Firefox"
"$REPO_ROOT/scripts/wasm-test.sh" firefox

step "end-to-end journeys: Chromium and Firefox"
"$REPO_ROOT/scripts/e2e.sh"

step "all suites passed"
