#!/usr/bin/env bash
# Size benchmark of the widget: builds the release (trunk, wasm-opt -Oz) and prints the raw and
# gzip (-9) size of the wasm, JS and CSS it ships, and their total against the 100 KB gzip
# budget. It prints figures; it does not fail on them.
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo_root"
export PATH="$HOME/.cargo/bin:$repo_root/node_modules/.bin:$PATH"

budget_kb=100
if [[ "${1:-}" != "--no-build" ]]; then
  trunk build --release --offline >&2
fi

shopt -s nullglob
files=(dist/*.wasm dist/*.js dist/*.css)
if (( ${#files[@]} == 0 )); then
  echo "size.sh: nothing in dist/; run without --no-build" >&2
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
