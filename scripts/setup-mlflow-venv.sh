#!/usr/bin/env bash
# Creates .venv-mlflow with the MLflow tracking server from PyPI (pinned in
# scripts/requirements-mlflow.txt), unless it already has it. scripts/services.sh runs
# `mlflow server` from it. Like .venv it goes to NBRUNNER_TEST_HOME when that is set.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/setup-venv.sh "${NBRUNNER_TEST_HOME:-.}/.venv-mlflow" scripts/requirements-mlflow.txt
