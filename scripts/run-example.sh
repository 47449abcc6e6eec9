#!/usr/bin/env bash
# Builds nbrunner, makes the papermill venv if missing, runs docs/examples/hello.ipynb and prints
# the result. Extra arguments go to `nbrunner run` (e.g. -p name you).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/setup-venv.sh
swift build
bin="$(swift build --show-bin-path)/nbrunner"
out="$(mktemp -d)"
set +e
"$bin" run docs/examples/hello.ipynb --python .venv/bin/python \
  --output "$out/hello.output.ipynb" --result "$out/hello.result.json" --termination-log "$out/termination-log" "$@"
code=$?
set -e
echo
echo "exit code: $code"
echo "output notebook: $out/hello.output.ipynb"
echo "result ($out/hello.result.json):"
.venv/bin/python -m json.tool "$out/hello.result.json"
exit $code
