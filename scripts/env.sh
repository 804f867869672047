# Sourced by the other scripts: puts the tools that setup.sh installs on PATH.
# cargo-installed tools live in ~/.cargo/bin; wasm-opt comes from the npm package binaryen.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$REPO_ROOT/node_modules/.bin:$PATH"
# Never let trunk or wasm-bindgen-test try to download tools: the registries are all we reach.
export TRUNK_OFFLINE=true
