#!/usr/bin/env bash
# The whole test suite again under AddressSanitizer + UndefinedBehaviorSanitizer
# (-DLEDE_SANITIZE=ON, a Debug build in build-asan/ or $LEDE_BUILD_DIR). Any sanitizer report
# fails the test that triggered it: UBSan stops the program (-fno-sanitize-recover), ASan's
# LeakSanitizer runs at exit. Extra arguments go to cmake.
#
# The build is Debug (assertions on) at -O1: ASan's own advice for "reasonable performance"
# (https://clang.llvm.org/docs/AddressSanitizer.html#usage), and it keeps this stage within
# CI's time limit. Tests run two at a time, as on CI's two cores, each stopped after 1500 s
# (LEDE_TEST_TIMEOUT, 900 in the normal build: the slowest test took 294 s under ASan on a quiet
# machine, and more than 900 s on one running four suites at once). No -Werror here: GCC warns
# that sanitizers raise the rate of false positives (-Wmaybe-uninitialized inside libstdc++'s
# <regex> at -O1) and recommends against combining the two (GCC manual, Instrumentation
# Options); scripts/test.sh builds the same sources with -Werror.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export LEDE_BUILD_DIR="${LEDE_BUILD_DIR:-build-asan}"
CMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Debug}" scripts/build.sh -DLEDE_WERROR=OFF -DLEDE_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DLEDE_TEST_TIMEOUT=1500 "$@"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir "$LEDE_BUILD_DIR" --output-on-failure -j2
