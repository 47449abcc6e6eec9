#!/usr/bin/env bash
# The project's test command (README, .ci/run): system packages, the papermill venv, build, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/install-deps.sh
scripts/setup-venv.sh
swift build
bin="$(swift build --show-bin-path)/nbrunner"
NBRUNNER_BIN="$bin" NBRUNNER_TEST_PYTHON="$PWD/.venv/bin/python" swift test
echo "scripts/test.sh: passed in $(( $(date +%s) - start ))s"
