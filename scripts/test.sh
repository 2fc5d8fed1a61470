#!/usr/bin/env bash
# Runs the whole test suite: `scripts/test.sh` (CI runs exactly this through .ci/run).
#
# The suite runs optimized, as it ships: a miscompile that only -O produces once crashed every
# hosted-provider release while a debug suite stayed green. Two release builds:
#   .build/release/neuralbrain   the shipped binary (`swift build -c release`, what
#                                scripts/neuralbrain runs); the end-to-end tests start it
#   .build-tests/                the test bundles, `swift test -c release` (testable imports
#                                need their own build flags, so their own scratch path)
# Extra arguments go to `swift test` (e.g. --filter ProviderChainTests); SKIP_SOAK=1 skips the soak.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# Formatting first (3 s): swift-format ships with the toolchain; .swift-format is the style.
# `swift format format -i -r Sources Tests Benchmarks Package.swift` fixes what this reports.
swift format lint --strict -r Sources Tests Benchmarks Package.swift
# The browser test needs a real headless browser; without one it skips with a message.
scripts/bootstrap.sh chromium || echo "test.sh: chromium could not be installed; the browser test will skip" >&2
swift build -c release --product neuralbrain
# The data-ecosystem check validates published releases with the ecosystem's own tools:
# `frictionless validate` (Frictionless Data) and python `jsonschema`, from PyPI, in a virtual
# environment made here. Without python3-venv or PyPI that one test skips with a message.
venv=.build-tests/python-venv
if [ ! -x "$venv/bin/frictionless" ]; then
  { scripts/bootstrap.sh python3-venv && python3 -m venv "$venv" \
      && "$venv/bin/pip" install --quiet "frictionless==5.*" "jsonschema==4.*"; } \
    || echo "test.sh: frictionless could not be installed; the data-package test will skip" >&2
fi
[ -x "$venv/bin/frictionless" ] && export NEURALBRAIN_PYTHON_VENV="$PWD/$venv"
# Three simulated days of hourly runs with kill -9, full-disk and bad-input faults (the short
# form of the soak test; `scripts/soak.sh --days 60` is the long one).
[ "${SKIP_SOAK:-0}" = 1 ] || scripts/soak.sh --days 3
NEURALBRAIN_EXECUTABLE="$PWD/.build/release/neuralbrain" swift test -c release --scratch-path .build-tests "$@"
