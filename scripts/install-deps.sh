#!/usr/bin/env bash
# Installs the Debian packages the build and tests need when they are missing: libyaml-dev
# (parameter YAML), libseccomp-dev (the sandbox), the seed-scenario tests' servers (postgresql;
# mariadb-server-core with mariadb-client-core, whose my_print_defaults mariadb-install-db
# needs: the smallest set with mariadbd; redis-server), and Debian's golang-go when no `go` is
# on PATH (the Go client's tests in clients/go). scripts/services.sh runs the servers in a
# folder of its own on free ports: it does not use any system service the packages set up.
#   scripts/install-deps.sh [PACKAGE...]   only these (scripts/build-static.sh, images/Containerfile)
set -euo pipefail
packages=("$@")
if [ ${#packages[@]} -eq 0 ]; then
  packages=(libyaml-dev libseccomp-dev postgresql mariadb-server-core mariadb-client-core redis-server)
  command -v go >/dev/null 2>&1 || packages+=(golang-go)
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
echo "apt: installing ${missing[*]}"
$sudo_cmd apt-get update -qq >/dev/null || true
$sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
