#!/usr/bin/env bash
# Builds and runs the whole test suite on a fresh Debian 12 machine (what CI runs):
# installs missing packages and the browser test's npm dependencies, checks formatting, builds,
# runs every CTest suite (unit, integration, e2e, browser, scripts), then the unit, integration and e2e
# suites again under AddressSanitizer + UndefinedBehaviorSanitizer.
# Environment: DEPECHES_SKIP_SANITIZERS=1 skips the sanitizer pass (for quick local runs).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install_deps.sh --test
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

scripts/check_format.sh

scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"

if [[ "${DEPECHES_SKIP_SANITIZERS:-0}" != 1 ]]; then
    cmake --preset asan >/dev/null
    cmake --build build-asan -j"$(nproc)"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -LE "browser|scripts"
fi
echo "all tests passed"
