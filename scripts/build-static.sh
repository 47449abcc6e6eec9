#!/usr/bin/env bash
# Builds the fully static, stripped release binary that goes into images (images/README.md):
# no shared library, no NSS, no Swift runtime needed in the image. Fails unless ldd agrees.
#   scripts/build-static.sh [SCRATCH]   → prints the binary's path and size
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh libyaml-dev libseccomp-dev  # what the build links
scratch="${1:-.build-static}"
swift build --scratch-path "$scratch" -c release --static-swift-stdlib -Xswiftc -static-executable -Xlinker -s >&2
bin="$(swift build --scratch-path "$scratch" -c release --show-bin-path)/nbrunner"
linkage="$(ldd "$bin" 2>&1 || true)"  # ldd exits 1 for a static binary
if ! grep -q "not a dynamic executable" <<<"$linkage"; then
  echo "build-static.sh: $bin is not fully static:" >&2
  echo "$linkage" >&2
  exit 1
fi
size=$(stat -c %s "$bin")
echo "$bin"
echo "size: $size bytes ($(( size / 1024 / 1024 )) MiB), fully static" >&2
