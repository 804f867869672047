#!/usr/bin/env bash
# Runs the widget on the local Wix API emulator: installs what is missing, starts the emulator
# on 127.0.0.1:7878 and `trunk serve` on http://127.0.0.1:8080 (which proxies the API to the
# emulator). Ctrl-C stops both.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/setup.sh"

emulator_port="${EMULATOR_PORT:-7878}"
widget_port="${WIDGET_PORT:-8080}"

cargo build -p wix-emulator
target/debug/wix-emulator --port "$emulator_port" &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT INT TERM

echo "[run] widget: http://127.0.0.1:$widget_port/  (emulator: http://127.0.0.1:$emulator_port)"
trunk serve --offline --address 127.0.0.1 --port "$widget_port"
