#!/usr/bin/env bash
# Container end-to-end test: the image users build, images/Containerfile, with nbrunner as its
# ENTRYPOINT, run by podman the way a restricted pod runs it (random UID in group 0, read-only
# root, tmpfs /tmp, a /workspace volume, a termination-log file) and the way a person runs it
# locally, checked case by case. Exits non-zero when any case fails.
#
#   scripts/e2e-container.sh            (as root, or a user with sudo; Debian/Ubuntu)
#
# No registry is needed. images/Containerfile is built with two substitutes:
#   - BASE_IMAGE: a local base shaped like docker-stacks' scipy-notebook
#     (images/e2e/base/Containerfile): user jovyan 1000:100, HOME /home/jovyan, a root-owned
#     Python environment with ipykernel first on PATH, tini + start.sh as ENTRYPOINT. It is
#     built on a Debian bookworm minbase made with debootstrap (deb.debian.org) and imported
#     into podman; ipykernel comes from PyPI;
#   - the Swift build stage: `--build-context nbrunner=DIR` hands it the static binary built
#     here (scripts/build-static.sh) instead of compiling in a Swift image.
# The Containerfile's own steps run as they are: its pip step installs papermill from PyPI.
# Cached, so that re-runs are fast:
#   - the rootfs tarball in .e2e-cache/ (NBRUNNER_E2E_CACHE) and its image
#     localhost/nbrunner-e2e-rootfs:<key>, <key> hashing what goes into it (suite, variant,
#     mirror, packages, architecture);
#   - the base image localhost/nbrunner-e2e-base:<key2>, <key2> hashing <key>, the files of
#     images/e2e/base/ and the ipykernel pin;
#   - the image's layers (podman build's layer cache): a new binary rebuilds its last layers.
# Set NBRUNNER_E2E_REFRESH=1 to rebuild all of it from scratch, and NBRUNNER_E2E_KEEP=1 to keep
# each case's workspace, log and termination message.
# Knobs: NBRUNNER_E2E_BIN (default .build-static/release/nbrunner, built when missing or older
# than the sources), NBRUNNER_E2E_MIRROR (default http://deb.debian.org/debian),
# NBRUNNER_E2E_CONTAINERFILE (default images/Containerfile: to try a changed copy).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
start=$(date +%s)
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
log() { echo "e2e: $*" >&2; }

# --- 1. Tools: podman (rootful) with runc, debootstrap --------------------------------------
missing=()
for pkg in podman runc debootstrap uidmap; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq >/dev/null || true
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The podman settings these machines need (runc, lowered ulimits: images/e2e/containers.conf), for this script's podman calls
# only: nothing is written to /etc/containers or to a user's ~/.config/containers.
conf="${NBRUNNER_E2E_CONTAINERS_CONF:-$root/images/e2e/containers.conf}"
pm() { $SUDO env CONTAINERS_CONF="$conf" podman "$@"; }

# --- 2. The static binary ----------------------------------------------------------------------
bin="${NBRUNNER_E2E_BIN:-$root/.build-static/release/nbrunner}"
if [ -z "${NBRUNNER_E2E_BIN:-}" ]; then
  if [ ! -x "$bin" ] || [ -n "$(find Package.swift Sources -newer "$bin" -print -quit)" ]; then
    log "building the static binary (scripts/build-static.sh)"
    scripts/build-static.sh >/dev/null
  fi
fi
[ -x "$bin" ] || { log "no binary at $bin"; exit 1; }

# --- 3. The rootfs: debootstrap → tarball → podman import, cached by what goes into it -------
suite=bookworm
variant=minbase
mirror="${NBRUNNER_E2E_MIRROR:-http://deb.debian.org/debian}"
include=python3,python3-venv,tini
arch="$(dpkg --print-architecture)"
key="$(printf '%s\n' "$suite" "$variant" "$mirror" "$include" "$arch" | sha256sum | cut -c1-12)"
rootfs_image="localhost/nbrunner-e2e-rootfs:$key"
cache="${NBRUNNER_E2E_CACHE:-$root/.e2e-cache}"
tarball="$cache/rootfs-$key.tar"
refresh="${NBRUNNER_E2E_REFRESH:-0}"
# The base (docker-stacks-shaped) is keyed by the rootfs, its own files and the kernel's pin.
ipykernel="$(grep -E '^ipykernel==' scripts/requirements-test.txt)"
key2="$( { echo "$key"; echo "$ipykernel"; cat images/e2e/base/*; } | sha256sum | cut -c1-12)"
base="localhost/nbrunner-e2e-base:$key2"
image=localhost/nbrunner-e2e:latest
containerfile="${NBRUNNER_E2E_CONTAINERFILE:-images/Containerfile}"
mkdir -p "$cache"
if [ "$refresh" = 1 ]; then
  pm rmi -f "$image" "$base" "$rootfs_image" >/dev/null 2>&1 || true
  $SUDO rm -f "$tarball"
fi
if ! pm image exists "$base" && ! pm image exists "$rootfs_image"; then
  if [ ! -s "$tarball" ]; then
    log "debootstrap $variant $suite ($include) from $mirror"
    rootfs="$cache/rootfs-$key"
    $SUDO rm -rf "$rootfs"
    t0=$(date +%s)
    $SUDO debootstrap --variant="$variant" --include="$include" "$suite" "$rootfs" "$mirror" >/dev/null
    $SUDO rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    $SUDO tar -C "$rootfs" -cf "$tarball.tmp" .
    $SUDO mv "$tarball.tmp" "$tarball"
    $SUDO rm -rf "$rootfs"
    log "rootfs cached in $tarball ($(( $(date +%s) - t0 ))s)"
  fi
  log "podman import → $rootfs_image"
  pm import --quiet "$tarball" "$rootfs_image" >/dev/null
fi
# Older rootfs tarballs and images (another key) are no longer needed.
for old in "$cache"/rootfs-*.tar "$cache"/base-*.tar; do
  [ "$old" = "$tarball" ] || [ ! -e "$old" ] || $SUDO rm -f "$old"
done
drop_old_tags() {  # REPOSITORY CURRENT-TAG
  pm images --format '{{.Repository}}:{{.Tag}}' "$1" \
    | { grep -v ":$2\$" || true; } | while read -r old; do pm rmi -f "$old" >/dev/null || true; done
}

# pip in the builds trusts the host's CA bundle (a proxy's CA, if any, is in there).
ca_args=()
host_ca="${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}"
if [ -r "$host_ca" ]; then
  ca_args+=(--volume "$host_ca:/run/host-ca.crt:ro" --build-arg PIP_CERT=/run/host-ca.crt)
fi

# --- 4. The docker-stacks-shaped base, then images/Containerfile on it ----------------------------
if ! pm image exists "$base"; then
  t0=$(date +%s)
  pm build --quiet "${ca_args[@]}" --build-arg "ROOTFS=$rootfs_image" \
    --build-arg "IPYKERNEL=$ipykernel" -t "$base" images/e2e/base >/dev/null
  log "base $base built ($(( $(date +%s) - t0 ))s)"
fi
drop_old_tags localhost/nbrunner-e2e-base "$key2"
drop_old_tags localhost/nbrunner-e2e-rootfs "$key"

stopper="nbrunner-e2e-stop-$$"   # the container of the stop case
binctx="$(mktemp -d)"            # the named build context `nbrunner`: the binary alone
work="$(mktemp -d)"
cleanup() {
  pm rm -f -t 0 "$stopper" >/dev/null 2>&1 || true
  $SUDO rm -rf "$binctx"
  if [ "${NBRUNNER_E2E_KEEP:-0}" = 1 ]; then log "kept the cases' files in $work"; else $SUDO rm -rf "$work"; fi
}
trap cleanup EXIT
install -m 0755 "$bin" "$binctx/nbrunner"
t0=$(date +%s)
previous="$(pm image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
# The user's command (images/README.md), from the repository root, with the base and the
# binary substituted.
if ! pm build "${ca_args[@]}" --build-arg "BASE_IMAGE=$base" \
    --build-context "nbrunner=$binctx" -f "$containerfile" -t "$image" . >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"
  log "podman build -f $containerfile failed"
  echo "FAIL build"
  exit 1
fi
log "image $image built from $containerfile ($(( $(date +%s) - t0 ))s)"
# The image it replaces (a new binary) would otherwise pile up, untagged.
if [ -n "$previous" ] && [ "$previous" != "$(pm image inspect --format '{{.Id}}' "$image")" ]; then
  pm rmi "$previous" >/dev/null 2>&1 || true
fi

# --- 5. The cases ------------------------------------------------------------------------------
checker="$root/scripts/e2e-container-check.py"
python3 "$checker" notebooks "$work/notebooks"
cp Tests/Fixtures/notebooks/orphan.ipynb "$work/notebooks/"

failed=()
# A fresh /workspace (group 0, 0770: writable only through group 0, as the random UID's
# folder would be) with the notebook, and an empty termination-log file (0666, as the kubelet
# makes it).
prepare() {  # CASE NOTEBOOK
  local dir="$work/$1"
  mkdir -p "$dir/workspace"
  cp "$work/notebooks/$2" "$dir/workspace/"
  : > "$dir/termination-log"
  chmod 0666 "$dir/termination-log"
  $SUDO chgrp -R 0 "$dir/workspace"
  chmod 0770 "$dir/workspace"
  chmod 0644 "$dir/workspace/$2"
}
# What a restricted-v2 pod looks like: a random UID in group 0 without a passwd entry, no
# capabilities, no new privileges, a read-only root with a tmpfs /tmp, /workspace a volume.
pod_args() {  # CASE
  local dir="$work/$1"
  printf '%s\n' --user 1000920000:0 --passwd=false --cap-drop ALL \
    --security-opt no-new-privileges --read-only --read-only-tmpfs=false \
    --tmpfs /tmp:rw,nosuid,nodev,mode=1777 --network none \
    --volume "$dir/workspace:/workspace:Z" --volume "$dir/termination-log:/dev/termination-log:Z"
}
verdict() {  # CASE RC_OF_CHECK
  if [ "$2" = 0 ]; then echo "PASS $1"; else echo "FAIL $1"; failed+=("$1"); fi
}
# The output notebook is checked with nbformat itself, with the image's python (a missing one
# is already a miss of the case's checks).
nbformat_valid() {  # CASE PATH-IN-WORKSPACE
  [ -e "$work/$1/workspace/$2" ] || return 0
  pm run --rm --network none --user 1000920000:0 --passwd=false --entrypoint python \
    --volume "$work/$1/workspace:/workspace:ro,Z" "$image" -c '
import sys, nbformat
try:
    nbformat.validate(nbformat.read(sys.argv[1], as_version=4))
except Exception as e:
    sys.exit(f"  - {sys.argv[1]} is not a valid nbformat 4 notebook: {type(e).__name__}: {str(e)[:300]}")
' "/workspace/$2"
}
run_case() {  # CASE -- podman run arguments...
  local name="$1" dir="$work/$1"; shift
  local t0; t0=$(date +%s)
  set +e
  pm run --rm --timeout 300 "$@" </dev/null >"$dir/stdout" 2>"$dir/stderr"
  echo $? > "$dir/rc"
  set -e
  log "$name: exit $(cat "$dir/rc") in $(( $(date +%s) - t0 ))s"
}
check_case() {  # CASE [OUTPUT-NOTEBOOK]
  local name="$1" ok=0
  # (with sudo too: a workspace is readable by root and group 0 only)
  $SUDO python3 "$checker" "$name" "$work/$name" || ok=1
  if [ -n "${2:-}" ]; then nbformat_valid "$name" "$2" 2>&1 || ok=1; fi
  [ "$ok" = 0 ] || { echo "  --- log of $name (stderr, then stdout; last 30 lines) ---"
                     cat "$work/$name/stderr" "$work/$name/stdout" 2>/dev/null | tail -n 30; }
  verdict "$name" "$ok"
}

# 5a. Success, configured only through NBRUNNER_* (the image's CMD is `run`), default paths;
#     the seccomp filter is required, so it must load under podman's own profile.
prepare pass ok.ipynb
mapfile -t args < <(pod_args pass)
run_case pass "${args[@]}" -e NBRUNNER_NOTEBOOK=/workspace/ok.ipynb \
  -e NBRUNNER_PARAMETERS=greeting=e2e -e NBRUNNER_SANDBOX=require "$image"
check_case pass output.ipynb

# 5b. A failing cell with a 20 kB message: exit 1, compact termination message.
prepare fail fail.ipynb
mapfile -t args < <(pod_args fail)
run_case fail "${args[@]}" "$image" run /workspace/fail.ipynb \
  --output /workspace/fail.output.ipynb --result /workspace/fail.result.json \
  --termination-log /dev/termination-log
check_case fail fail.output.ipynb

# 5c. `podman stop` during a long cell: SIGTERM to PID 1 → exit 143, finalised notebook.
prepare stop sleep.ipynb
mapfile -t args < <(pod_args stop)
dir="$work/stop"
pm rm -f -t 0 "$stopper" >/dev/null 2>&1 || true
t0=$(date +%s)
pm run --rm --timeout 300 --name "$stopper" "${args[@]}" -e NBRUNNER_NOTEBOOK=/workspace/sleep.ipynb \
  "$image" </dev/null >"$dir/stdout" 2>"$dir/stderr" &
runner=$!
# The notebook's `sleeping` line, on stderr or stdout (where nbrunner writes its log in a
# container).
sleeping() { cat "$dir/stderr" "$dir/stdout" 2>/dev/null | grep -Eq '(^|[[:space:]])sleeping[[:space:]]*$'; }
for _ in $(seq 1 120); do
  sleeping && break
  kill -0 "$runner" 2>/dev/null || break
  sleep 0.5
done
if sleeping; then
  ts=$(date +%s)
  pm stop -t 30 "$stopper" >/dev/null 2>&1 || true
  set +e; wait "$runner"; echo $? > "$dir/rc"; set -e
  log "stop: exit $(cat "$dir/rc") $(( $(date +%s) - ts ))s after podman stop (run: $(( $(date +%s) - t0 ))s)"
else
  pm rm -f -t 0 "$stopper" >/dev/null 2>&1 || true
  set +e; wait "$runner"; echo $? > "$dir/rc"; set -e
  echo "  - the long cell never started (exit $(cat "$dir/rc"))" >> "$dir/stderr"
fi
check_case stop output.ipynb

# 5d. PID 1 duties: orphans of the notebook are adopted and reaped by nbrunner. (A relative
# notebook path: the image's WORKDIR is /workspace.)
prepare orphans orphan.ipynb
mapfile -t args < <(pod_args orphans)
run_case orphans "${args[@]}" "$image" run orphan.ipynb
check_case orphans output.ipynb

# 5e. The bare image (its CMD `run`, no notebook configured): exit 2 with a result, never 0.
mkdir -p "$work/bare"
run_case bare --network none "$image"
check_case bare

# 5f. doctor under the same restrictions: a run would pass preflight, HOME would be redirected.
prepare doctor ok.ipynb
mapfile -t args < <(pod_args doctor)
run_case doctor "${args[@]}" "$image" doctor /workspace/ok.ipynb
check_case doctor

# 5g. The local flow of images/README.md (the operator's image guide): only a notebooks folder
#     mounted, output into the image's own /workspace, as the image's user (jovyan) …
mkdir -p "$work/local-jovyan/notebooks"
cp "$work/notebooks/test.ipynb" "$work/local-jovyan/notebooks/"
(cd "$work/local-jovyan" && run_case local-jovyan \
  -v "$(pwd)/notebooks:/workspace/notebooks:Z" "$image" run /workspace/notebooks/test.ipynb)
check_case local-jovyan

# 5h. … and as a random UID (podman's default group 0, and the passwd entry podman adds).
mkdir -p "$work/local-random-uid/notebooks"
cp "$work/notebooks/test.ipynb" "$work/local-random-uid/notebooks/"
(cd "$work/local-random-uid" && run_case local-random-uid --user 1000920000 \
  -v "$(pwd)/notebooks:/workspace/notebooks:Z" "$image" run /workspace/notebooks/test.ipynb)
check_case local-random-uid

# 5i. A restricted pod with Vault Agent files at /vault/secrets (an `export` file and a KV v2
#     JSON file, fresh random values): loaded without a shell, seen by the notebook, and
#     redacted from the log, the result, the termination message and the output notebook.
prepare vault vault.ipynb
python3 "$checker" vault-files "$work/vault"
mapfile -t args < <(pod_args vault)
run_case vault "${args[@]}" --volume "$work/vault/secrets:/vault/secrets:ro,Z" \
  -e NBRUNNER_NOTEBOOK=/workspace/vault.ipynb "$image"
check_case vault output.ipynb

cases=9
echo "e2e-container.sh: $(( cases - ${#failed[@]} ))/$cases passed in $(( $(date +%s) - start ))s"
[ ${#failed[@]} -eq 0 ] || { echo "e2e-container.sh: FAILED: ${failed[*]}"; exit 1; }
