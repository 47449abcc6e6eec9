#!/usr/bin/env bash
# Creates .venv-tools with check-jsonschema and kubernetes-validate from PyPI (pinned in
# scripts/requirements-tools.txt), unless it already has them. The docs tests
# (Tests/IntegrationTests/SchemaValidationTests.swift, DocsManifestTests.swift) find the tools
# through NBRUNNER_TEST_CHECK_JSONSCHEMA and NBRUNNER_TEST_KUBERNETES_VALIDATE, which
# scripts/test.sh exports. Like .venv it goes to NBRUNNER_TEST_HOME when that is set.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/setup-venv.sh "${NBRUNNER_TEST_HOME:-.}/.venv-tools" scripts/requirements-tools.txt
