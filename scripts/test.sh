#!/usr/bin/env bash
# Set-up and tests on a fresh Debian 12 machine: install what is missing, build, run every
# test with ctest. Tests that need ../shared skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DLEDE_WERROR=ON  # the build must stay warning-free
build_dir="${LEDE_BUILD_DIR:-build}"
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)"
