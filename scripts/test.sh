#!/usr/bin/env bash
# Runs the whole test suite: `scripts/test.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# The browser test needs a real headless browser; without one it skips with a message.
scripts/bootstrap.sh chromium || echo "test.sh: chromium could not be installed; the browser test will skip" >&2
swift build --build-tests
swift test --skip-build "$@"
