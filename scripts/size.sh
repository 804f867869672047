#!/usr/bin/env bash
# Size benchmark of the widget: builds the release (trunk, wasm-opt) and prints the raw and gzip
# (-9) size of the wasm, JS and CSS it ships, and their total against the 100 KB gzip budget.
# It prints figures; it does not fail on them.
#
#   scripts/size.sh              build the widget's release and measure it
#   scripts/size.sh --no-build   measure what is in dist/
#   scripts/size.sh --floor      the same for bench/leptos-floor, the smallest Leptos page built
#                                the same way: what the framework costs before the widget's code
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo_root"
export PATH="$HOME/.cargo/bin:$repo_root/node_modules/.bin:$PATH"

budget_kb=100
case "${1:-}" in
  "")
    trunk build --release --offline >&2
    dist="$repo_root/dist"
    ;;
  --no-build)
    dist="$repo_root/dist"
    ;;
  --floor)
    dist="$repo_root/target/leptos-floor/dist"
    (cd bench/leptos-floor &&
      CARGO_TARGET_DIR="$repo_root/target/leptos-floor" trunk build --release --offline --dist "$dist" >&2)
    ;;
  *)
    echo "usage: scripts/size.sh [--no-build | --floor]" >&2
    exit 2
    ;;
esac

shopt -s nullglob
files=("$dist"/*.wasm "$dist"/*.js "$dist"/*.css)
if (( ${#files[@]} == 0 )); then
  echo "size.sh: nothing in ${dist#"$repo_root"/}; run without --no-build" >&2
  exit 1
fi

total_raw=0
total_gz=0
printf '%-8s %10s %10s  %s\n' kind raw gzip file
for file in "${files[@]}"; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-8s %10d %10d  %s\n' "${file##*.}" "$raw" "$gz" "$(basename "$file")"
done
printf '%-8s %10d %10d\n' total "$total_raw" "$total_gz"
awk -v gz="$total_gz" -v budget="$budget_kb" 'BEGIN {
  printf "gzip total: %.1f KB of the %d KB budget (%.0f%%)\n", gz / 1024, budget, 100 * gz / (budget * 1024)
}'
