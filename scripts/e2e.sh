#!/usr/bin/env bash
# End-to-end suite: builds the release widget and the emulator, then runs `cargo test -p e2e`
# once per browser (headless Chromium, then headless Firefox) and prints a summary.
#
#   scripts/e2e.sh                      both browsers
#   E2E_BROWSERS=firefox scripts/e2e.sh one browser
#   E2E_SCREENSHOTS=1 scripts/e2e.sh    also rewrite docs/screenshots/*.png (from Chromium)
#   scripts/e2e.sh keyboard             extra arguments filter the tests, as for cargo test
#
# Exits non-zero when any test fails in any browser.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

log() { printf '[e2e] %s\n' "$*"; }
die() { printf '[e2e] error: %s\n' "$*" >&2; exit 2; }

read -r -a browsers <<<"${E2E_BROWSERS:-chromium firefox}"
# One test at a time per browser by default: E2E_TEST_THREADS=2 saved about a fifth of the
# time on 2 cores, but puts two browsers' timed waits on the same cores.
threads="${E2E_TEST_THREADS:-1}"
dist="$REPO_ROOT/target/e2e-dist"
logs="$REPO_ROOT/target/e2e-logs"

command -v trunk >/dev/null || die "trunk is missing: run scripts/setup.sh"
for browser in "${browsers[@]}"; do
  case "$browser" in
    chromium) command -v chromedriver >/dev/null || die "chromedriver is missing: run scripts/setup.sh" ;;
    firefox) command -v geckodriver >/dev/null || die "geckodriver is missing: run scripts/setup.sh" ;;
    *) die "unknown browser '$browser' in E2E_BROWSERS (chromium, firefox)" ;;
  esac
done

# Backtraces of async test panics say nothing the failure reports do not.
export RUST_BACKTRACE="${RUST_BACKTRACE:-0}"

started=$SECONDS
log "building the release widget into ${dist#"$REPO_ROOT"/}"
trunk build --release --offline --dist "$dist"

log "building the emulator and the e2e tests"
cargo build -p wix-emulator
cargo test -p e2e --no-run

mkdir -p "$logs"
declare -A outcome
failed=0
for browser in "${browsers[@]}"; do
  log "running in $browser"
  browser_started=$SECONDS
  set +e
  E2E_BROWSER="$browser" E2E_DIST="$dist" E2E_EMULATOR="$REPO_ROOT/target/debug/wix-emulator" \
    cargo test -p e2e --tests --no-fail-fast -- --test-threads="$threads" "$@" 2>&1 | tee "$logs/$browser.log"
  status=${PIPESTATUS[0]}
  set -e
  # Sums the "test result: ok. N passed; M failed; ..." lines of every test binary.
  counts=$(awk '/^test result:/ { for (i = 2; i <= NF; i++) {
      if ($i ~ /^passed/) p += $(i - 1); if ($i ~ /^failed/) f += $(i - 1) } }
    END { printf "%d passed, %d failed", p, f }' "$logs/$browser.log")
  outcome[$browser]="$counts in $((SECONDS - browser_started)) s"
  if [ "$status" -ne 0 ]; then
    failed=1
    outcome[$browser]+=" (exit $status): $(grep -E '^test .* FAILED$' "$logs/$browser.log" | sed 's/^test \(.*\) \.\.\. FAILED$/\1/' | paste -sd' ' -)"
  fi
done

log "summary (total $((SECONDS - started)) s; logs in ${logs#"$REPO_ROOT"/})"
for browser in "${browsers[@]}"; do
  log "  $browser: ${outcome[$browser]}"
done
exit "$failed"
