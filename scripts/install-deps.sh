#!/usr/bin/env bash
# Installs the Debian packages the build needs (libyaml-dev for parameter YAML, libseccomp-dev
# for the sandbox) when they are missing.
set -euo pipefail
missing=()
for pkg in libyaml-dev libseccomp-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
echo "apt: installing ${missing[*]}"
$sudo_cmd apt-get update -qq >/dev/null || true
$sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
