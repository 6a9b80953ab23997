#!/usr/bin/env bash
# Set-up and demo on a fresh Debian 12 machine: install what is missing, build, index the
# bundled sample archive (examples/) into the default database, run a sample query.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build_dir="${LEDE_BUILD_DIR:-build}"
"$build_dir/indexer/lede-index" add examples/
"$build_dir/indexer/lede-index" stats
"$build_dir/query/lede-query" --now 2026-11-20 "${@:-central bank rates}"
