#!/usr/bin/env bash
# For the --allow-install tests: a Python without papermill whose user site is enabled
# (.venv-bare: a venv with system site-packages on /usr/bin/python3; Debian's own python3 is
# "externally managed" and refuses even --user installs), and a local wheel cache (.wheels) so
# the installs need no network and take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
cd "${NBRUNNER_TEST_HOME:-.}"
python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3)"
if [ ! -x .venv-bare/bin/python ]; then
  "$python" -m venv --system-site-packages .venv-bare
fi
# A venv WITHOUT system site-packages: pip refuses --user installs there.
if [ ! -x .venv-nosite/bin/python ]; then
  "$python" -m venv .venv-nosite
fi
if ! ls .wheels/papermill-2.7.0-*.whl >/dev/null 2>&1; then
  grep -E '^(papermill|ipykernel)==' "$repo/scripts/requirements-test.txt" > .wheels-requirements.txt
  .venv/bin/pip download --quiet --disable-pip-version-check -d .wheels -r .wheels-requirements.txt
  rm -f .wheels-requirements.txt
fi
chmod -R a+rX .venv-bare .venv-nosite .wheels
echo "install fixtures: .venv-bare ($(.venv-bare/bin/python -c 'import sys; print(sys.version.split()[0])')), .wheels ($(ls .wheels | wc -l) files)"
