#!/usr/bin/env bash
# Real services for the seed-scenario tests, on loopback only, on free ports:
#   scripts/services.sh start   → prints a folder; source FOLDER/env for NBRUNNER_TEST_* settings
#   scripts/services.sh stop FOLDER
# PostgreSQL (Debian's postgresql: initdb into the folder, password auth, a read-only role, as
# the credentials guide recommends) and an S3-compatible server (moto's server mode, from the
# test venv), with a bucket holding a CSV.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${NBRUNNER_TEST_HOME:-$PWD}/.venv"

# initdb refuses root: as root, run PostgreSQL as the postgres user; otherwise as ourselves.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() { "$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

stop() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  [ -f "$dir/moto.pid" ] && kill "$(cat "$dir/moto.pid")" 2>/dev/null || true
  if [ -f "$dir/pgbin" ] && [ -d "$dir/pg" ]; then
    as_pg "$(cat "$dir/pgbin")/pg_ctl" -D "$dir/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

start() {
  local dir
  dir="$(mktemp -d /tmp/nbrunner-services-XXXXXX)"
  chmod 755 "$dir"
  # Anything failing below stops what was started.
  trap 'stop "$dir"' ERR

  # PostgreSQL, as the postgres user (initdb refuses root).
  local pgbin
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  echo "$pgbin" > "$dir/pgbin"
  local admin_pw="admin-$RANDOM$RANDOM"
  local reader_pw='r3ad$er "pw" #1'
  mkdir "$dir/pg" "$dir/pgsock"
  printf '%s\n' "$admin_pw" > "$dir/admin.pw"
  [ "$(id -u)" = 0 ] && chown postgres "$dir/pg" "$dir/pgsock" "$dir/admin.pw"
  as_pg "$pgbin/initdb" -D "$dir/pg" -U postgres --auth=scram-sha-256 --pwfile="$dir/admin.pw" >/dev/null
  local pgport
  pgport="$(free_port)"
  as_pg "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
    -o "-p $pgport -k $dir/pgsock -c listen_addresses=127.0.0.1" start >/dev/null
  export PGPASSWORD="$admin_pw"
  psql -q -h 127.0.0.1 -p "$pgport" -U postgres -c "CREATE DATABASE features" >/dev/null
  psql -q -h 127.0.0.1 -p "$pgport" -U postgres -d features >/dev/null <<SQL
CREATE TABLE features (id integer PRIMARY KEY, name text NOT NULL, value double precision NOT NULL);
INSERT INTO features VALUES (1, 'age', 0.25), (2, 'income', 0.5), (3, 'tenure', 0.75);
CREATE ROLE reader LOGIN PASSWORD '$reader_pw';
GRANT CONNECT ON DATABASE features TO reader;
GRANT USAGE ON SCHEMA public TO reader;
GRANT SELECT ON features TO reader;
SQL
  unset PGPASSWORD

  # S3 (moto) with a bucket and a CSV.
  local s3port
  s3port="$(free_port)"
  "$venv/bin/moto_server" -H 127.0.0.1 -p "$s3port" >"$dir/moto.log" 2>&1 &
  echo $! > "$dir/moto.pid"
  for _ in $(seq 1 100); do
    "$venv/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$s3port/')" 2>/dev/null && break
    sleep 0.1
  done
  AWS_ACCESS_KEY_ID=AKIASERVICESSETUP000 AWS_SECRET_ACCESS_KEY=setup-secret AWS_DEFAULT_REGION=us-east-1 \
    "$venv/bin/python" - "$s3port" <<'PY'
import sys, boto3
s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{sys.argv[1]}")
s3.create_bucket(Bucket="training-data")
s3.put_object(Bucket="training-data", Key="input/train.csv",
              Body=b"id,label,amount\n1,0,10.5\n2,1,20.0\n3,1,31.5\n4,0,8.0\n")
PY

  {
    printf 'export NBRUNNER_TEST_PG_HOST=127.0.0.1 NBRUNNER_TEST_PG_PORT=%s\n' "$pgport"
    printf 'export NBRUNNER_TEST_PG_PASSWORD=%q\n' "$reader_pw"
    printf 'export NBRUNNER_TEST_S3_ENDPOINT=http://127.0.0.1:%s\n' "$s3port"
  } > "$dir/env"
  trap - ERR
  echo "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: services.sh stop FOLDER}" ;;
  *) echo "usage: services.sh start | stop FOLDER" >&2; exit 2 ;;
esac
