#!/usr/bin/env bash
# Browser tests of the widget (tests/widget.rs, wasm-bindgen-test) in one headless browser,
# against a fresh Wix API emulator on a free port.
#
#   scripts/wasm-test.sh chromium|firefox
#
# Starts the emulator with --port 0, reads its address from its first line of output, passes it
# to the test build in CC_EMULATOR_URL (read with option_env!), runs the tests with
# wasm-bindgen-test-runner and the browser's WebDriver, and always stops the emulator.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo_root"
export PATH="$HOME/.cargo/bin:$repo_root/node_modules/.bin:$PATH"

browser="${1:-}"
case "$browser" in
  chromium)
    unset GECKODRIVER
    export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
    ;;
  firefox)
    # The runner prefers GECKODRIVER when both are set, so only one is ever exported.
    unset CHROMEDRIVER
    export GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}"
    ;;
  *)
    echo "usage: $0 chromium|firefox" >&2
    exit 2
    ;;
esac

cargo build -q -p wix-emulator
log="$(mktemp)"
target/debug/wix-emulator --port 0 >"$log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; rm -f "$log"' EXIT INT TERM

url=""
for _ in $(seq 1 100); do
  url="$(head -n 1 "$log" | sed -n 's#^wix-emulator listening on \(http://[^ ]*\)$#\1#p')"
  [[ -n "$url" ]] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$log" >&2; echo "emulator did not start" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "emulator did not report its address" >&2; exit 1; }
echo "[wasm-test] $browser against the emulator at $url"

export CC_EMULATOR_URL="$url"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# The whole test binary shares this budget (the runner's default is 20 s).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
cargo test -p calendar-connect --target wasm32-unknown-unknown --test widget
