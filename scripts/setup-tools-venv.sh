#!/usr/bin/env bash
# Creates .venv-tools with check-jsonschema and kubernetes-validate from PyPI (pinned in
# scripts/requirements-tools.txt), unless it already has them. The docs tests
# (Tests/IntegrationTests/SchemaValidationTests.swift, DocsManifestTests.swift) find the tools
# through NBRUNNER_TEST_CHECK_JSONSCHEMA and NBRUNNER_TEST_KUBERNETES_VALIDATE, which
# scripts/test.sh exports. Like .venv it goes to NBRUNNER_TEST_HOME when that is set.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${NBRUNNER_TEST_HOME:-.}/.venv-tools"
requirements=scripts/requirements-tools.txt

if [ -x "$venv/bin/python" ] && "$venv/bin/python" - "$requirements" <<'PY' 2>/dev/null; then
import sys, importlib.metadata as m
pins = [l.split("==") for l in open(sys.argv[1]) if "==" in l and not l.startswith("#")]
sys.exit(0 if all(m.version(n.strip()) == v.strip() for n, v in pins) else 1)
PY
  echo "tools venv: $venv is up to date"
  exit 0
fi

python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3)"
rm -rf "$venv"
if ! "$python" -m venv "$venv" 2>/dev/null; then
  # Debian splits ensurepip into python3-venv.
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y python3-venv >/dev/null
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
chmod -R a+rX "$venv"
echo "tools venv: $venv ready ($("$venv/bin/check-jsonschema" --version), kubernetes-validate $("$venv/bin/kubernetes-validate" --version))"
