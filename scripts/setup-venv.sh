#!/usr/bin/env bash
# Creates .venv with papermill and ipykernel from PyPI (pinned in scripts/requirements-test.txt),
# unless it already has them. The venv is built on the system's /usr/bin/python3 when there is
# one, so that tests running as a random UID (OpenShift-style) can use it: an interpreter under
# a 0700 home directory would not be reachable.
#
# usage: scripts/setup-venv.sh [VENV REQUIREMENTS]   (another pinned venv the same way, e.g.
# scripts/setup-tools-venv.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${1:-${NBRUNNER_TEST_HOME:-.}/.venv}"
requirements="${2:-scripts/requirements-test.txt}"

if [ -x "$venv/bin/python" ] && "$venv/bin/python" - "$requirements" <<'PY' 2>/dev/null; then
import sys, importlib.metadata as m
pins = [l.split("==") for l in open(sys.argv[1]) if "==" in l and not l.startswith("#")]
sys.exit(0 if all(m.version(n.split("[")[0].strip()) == v.strip() for n, v in pins) else 1)
PY
  echo "venv: $venv is up to date"
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
if "$venv/bin/python" -c 'import papermill' 2>/dev/null; then
  echo "venv: $venv ready ($("$venv/bin/python" -c 'import papermill, sys; print("papermill", papermill.__version__, "python", sys.version.split()[0])'))"
else
  echo "venv: $venv ready ($requirements)"
fi
