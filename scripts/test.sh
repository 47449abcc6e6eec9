#!/usr/bin/env bash
# The project's test command (README, .ci/run): system packages, the papermill venv, build, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
# Random-UID tests run the test venvs as another user: a checkout under a 0700 home cannot be
# reached, so then the venvs go to a world-readable folder (nothing's permissions are changed).
export NBRUNNER_TEST_HOME="$PWD"
if [ "$(id -u)" = 0 ] && ! setpriv --reuid=1000920000 --regid=0 --clear-groups test -x "$PWD/scripts"; then
  NBRUNNER_TEST_HOME=/var/tmp/nbrunner-test
  mkdir -p "$NBRUNNER_TEST_HOME" && chmod 755 "$NBRUNNER_TEST_HOME"
  echo "test.sh: the checkout is not reachable by other UIDs; test venvs in $NBRUNNER_TEST_HOME"
fi
scripts/install-deps.sh
scripts/setup-venv.sh
scripts/setup-install-fixtures.sh
scripts/setup-tools-venv.sh
swift build
bin="$(swift build --show-bin-path)/nbrunner"
export NBRUNNER_BIN="$bin" NBRUNNER_TEST_PYTHON="$NBRUNNER_TEST_HOME/.venv/bin/python" \
  NBRUNNER_TEST_BARE_PYTHON="$NBRUNNER_TEST_HOME/.venv-bare/bin/python" \
  NBRUNNER_TEST_NOSITE_PYTHON="$NBRUNNER_TEST_HOME/.venv-nosite/bin/python" \
  NBRUNNER_TEST_WHEELS="$NBRUNNER_TEST_HOME/.wheels" \
  NBRUNNER_TEST_CHECK_JSONSCHEMA="$NBRUNNER_TEST_HOME/.venv-tools/bin/check-jsonschema" \
  NBRUNNER_TEST_KUBERNETES_VALIDATE="$NBRUNNER_TEST_HOME/.venv-tools/bin/kubernetes-validate"
swift test --skip IntegrationTests --skip FuzzTests
# The env-file parser, the YAML loader and the notebook reader under seeded random mutation,
# 15 s each (Tests/NotebookRunnerTests/FuzzTests.swift; NBRUNNER_FUZZ_SEED replays a run).
NBRUNNER_FUZZ_SECONDS=15 swift test --skip-build --filter NotebookRunnerTests.FuzzTests
# Real PostgreSQL and S3 (moto) on loopback for the seed scenarios, stopped whatever happens.
services="$(scripts/services.sh start)"
trap 'scripts/services.sh stop "$services"' EXIT
# shellcheck disable=SC1091
source "$services/env"
# One at a time: each starts a real kernel, and deadlines/signals are tested against the clock;
# dozens of kernels starting at once on 2 cores would test the machine, not nbrunner.
swift test --filter IntegrationTests --no-parallel
# The image build's static binary, and the benchmark at small sizes, so both keep working.
scripts/build-static.sh >/dev/null
"$NBRUNNER_TEST_HOME/.venv/bin/python" scripts/benchmark.py --quick \
  --nbrunner "$bin" --bench "$(dirname "$bin")/nbrunner-bench" --static .build-static/release/nbrunner
# The container end-to-end test: the static binary as the ENTRYPOINT of a real image, run by
# podman as a restricted pod would run it (README, "Container end-to-end test").
scripts/e2e-container.sh
echo "scripts/test.sh: passed in $(( $(date +%s) - start ))s"
