#!/usr/bin/env bash
# The project's test command (README, .ci/run): system packages, the papermill venv, build, tests.
#   scripts/test.sh [all]                 everything below, in order (what CI runs)
#   scripts/test.sh unit                  build + unit tests + the Go client's unit tests: no root,
#                                         no venv, no services (needs the apt packages once:
#                                         scripts/install-deps.sh)
#   scripts/test.sh integration [FILTER]  set-up, services and the integration tests, or only the
#                                         suites matching FILTER (e.g. PodLogTests)
# `all` and `unit` start with `swift format lint --strict` (.swift-format): a finding fails them;
# and with scripts/check-commit-subjects.sh (subjects of new commits at most 72 characters).
# `swift format -i -r Sources Tests Package.swift` fixes nearly all of them.
set -euo pipefail
cd "$(dirname "$0")/.."
lane="${1:-all}"
filter="${2:-}"
case "$lane" in
  all|unit|integration) ;;
  *) echo "usage: scripts/test.sh [all | unit | integration [FILTER]]" >&2; exit 2 ;;
esac
start=$(date +%s)

lint() {  # the toolchain's swift-format, configured by .swift-format; any finding fails
  swift format lint --strict --parallel -r Sources Tests Package.swift
  scripts/check-commit-subjects.sh
}

go_tests() {  # the Go client, without module downloads; $1: extra go test flags
  (cd clients/go && export GOFLAGS= GOPROXY=off GOTOOLCHAIN=local && go vet ./... && go test -count=1 $1 ./...)
}

if [ "$lane" = unit ]; then
  lint
  swift build
  swift test --skip IntegrationTests
  if command -v go >/dev/null; then go_tests -short; else echo "test.sh: go not found; Go client skipped"; fi
  echo "scripts/test.sh unit: passed in $(( $(date +%s) - start ))s"
  exit 0
fi

# Random-UID tests run the test venvs as another user: a checkout under a 0700 home cannot be
# reached, so then the venvs go to a world-readable folder (nothing's permissions are changed).
export NBRUNNER_TEST_HOME="$PWD"
if [ "$(id -u)" = 0 ] && ! setpriv --reuid=1000920000 --regid=0 --clear-groups test -x "$PWD/scripts"; then
  NBRUNNER_TEST_HOME=/var/tmp/nbrunner-test
  mkdir -p "$NBRUNNER_TEST_HOME" && chmod 755 "$NBRUNNER_TEST_HOME"
  echo "test.sh: the checkout is not reachable by other UIDs; test venvs in $NBRUNNER_TEST_HOME"
fi
if [ "$lane" = all ]; then lint; fi
scripts/install-deps.sh
scripts/setup-venv.sh
scripts/setup-install-fixtures.sh
scripts/setup-tools-venv.sh
scripts/setup-mlflow-venv.sh
swift build
bin="$(swift build --show-bin-path)/nbrunner"
export NBRUNNER_BIN="$bin" NBRUNNER_TEST_PYTHON="$NBRUNNER_TEST_HOME/.venv/bin/python" \
  NBRUNNER_TEST_BARE_PYTHON="$NBRUNNER_TEST_HOME/.venv-bare/bin/python" \
  NBRUNNER_TEST_NOSITE_PYTHON="$NBRUNNER_TEST_HOME/.venv-nosite/bin/python" \
  NBRUNNER_TEST_WHEELS="$NBRUNNER_TEST_HOME/.wheels" \
  NBRUNNER_TEST_CHECK_JSONSCHEMA="$NBRUNNER_TEST_HOME/.venv-tools/bin/check-jsonschema" \
  NBRUNNER_TEST_KUBERNETES_VALIDATE="$NBRUNNER_TEST_HOME/.venv-tools/bin/kubernetes-validate"
if [ "$lane" = all ]; then
  swift test --skip IntegrationTests --skip FuzzTests
  # The env-file parser, the YAML loader and the notebook reader under seeded random mutation,
  # 15 s each (Tests/NotebookRunnerTests/FuzzTests.swift; NBRUNNER_FUZZ_SEED replays a run).
  NBRUNNER_FUZZ_SECONDS=15 swift test --skip-build --filter NotebookRunnerTests.FuzzTests
fi
# Real PostgreSQL, S3 (moto), MariaDB, Redis and MLflow on loopback for the seed scenarios,
# stopped whatever happens.
services="$(scripts/services.sh start)"
trap 'scripts/services.sh stop "$services"' EXIT
# shellcheck disable=SC1091
source "$services/env"
export NBRUNNER_CONTROLLER_OUTPUTS="$PWD/.build/controller-outputs"  # ControllerOutputsTests → clients/go
# One at a time: each starts a real kernel, and deadlines/signals are tested against the clock;
# dozens of kernels starting at once on 2 cores would test the machine, not nbrunner.
if [ "$lane" = integration ]; then
  swift test --filter "IntegrationTests${filter:+.*$filter}" --no-parallel
  echo "scripts/test.sh integration${filter:+ $filter}: passed in $(( $(date +%s) - start ))s"
  exit 0
fi
swift test --filter IntegrationTests --no-parallel
# The Go client decodes the real outputs ControllerOutputsTests just wrote.
go_tests ""
# The image build's static binary, and the benchmark at small sizes, so both keep working.
scripts/build-static.sh >/dev/null
"$NBRUNNER_TEST_HOME/.venv/bin/python" scripts/benchmark.py --quick \
  --nbrunner "$bin" --bench "$(dirname "$bin")/nbrunner-bench" --static .build-static/release/nbrunner
# The container end-to-end test: the static binary as the ENTRYPOINT of a real image, run by
# podman as a restricted pod would run it (README, "Container end-to-end test").
scripts/e2e-container.sh
echo "scripts/test.sh: passed in $(( $(date +%s) - start ))s"
