#!/usr/bin/env bash
# Rewrites the golden files (tests/golden/) from the current code; review them with git diff
# like code. A change in the analysis goldens means k_analysis_version must change too.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
DEPECHES_UPDATE_GOLDEN=1 build/bin/unit_tests --gtest_filter='*Golden*'
git status --short tests/golden
