#!/usr/bin/env bash
# Runs the whole test suite: `scripts/test.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build "$@"
