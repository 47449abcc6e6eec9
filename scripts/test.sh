#!/usr/bin/env bash
# The project's test command (README, .ci/run): system packages, the papermill venv, build, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
scripts/install-deps.sh
scripts/setup-venv.sh
scripts/setup-install-fixtures.sh
swift build
bin="$(swift build --show-bin-path)/nbrunner"
export NBRUNNER_BIN="$bin" NBRUNNER_TEST_PYTHON="$PWD/.venv/bin/python"
swift test --skip IntegrationTests
# One at a time: each starts a real kernel, and deadlines/signals are tested against the clock;
# dozens of kernels starting at once on 2 cores would test the machine, not nbrunner.
swift test --filter IntegrationTests --no-parallel
echo "scripts/test.sh: passed in $(( $(date +%s) - start ))s"
