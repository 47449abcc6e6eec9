#!/usr/bin/env bash
# Real services for the seed-scenario tests, on loopback only, on free ports:
#   scripts/services.sh start   → prints a folder; source FOLDER/env for NBRUNNER_TEST_* settings
#   scripts/services.sh stop FOLDER
# - PostgreSQL (Debian's postgresql: initdb into the folder, password auth, a read-only role, as
#   the credentials guide recommends);
# - an S3-compatible server (moto's server mode, from the test venv), with a bucket holding a CSV;
# - MariaDB (Debian's mariadb-server-core: mariadb-install-db into the folder, a `features`
#   table, a read-only user `reader`);
# - Redis (Debian's redis-server, `requirepass`, a hash `features` and a key `model:version`);
# - an MLflow tracking server with basic auth (`mlflow server --app-name basic-auth` from
#   .venv-mlflow, scripts/setup-mlflow-venv.sh): sqlite stores and artifacts in the folder, a
#   random admin password, a non-admin user `mlflow-user` for the notebooks.
# Each password holds `$`, `"`, `#` and a space, so that every quoting layer is exercised.
# Everything lives in the folder; nothing uses the system's services or data directories.
set -Eeuo pipefail  # -E: the ERR trap of start also fires inside its functions
cd "$(dirname "$0")/.."
venv="${NBRUNNER_TEST_HOME:-$PWD}/.venv"
mlflow_venv="${NBRUNNER_TEST_HOME:-$PWD}/.venv-mlflow"

# initdb refuses root: as root, run PostgreSQL as the postgres user; otherwise as ourselves.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# As root, the other daemons run as their own system user when it exists (mariadb-server-core
# creates no `mysql` user: then `nobody`), otherwise as ourselves.
daemon_user() { if [ "$(id -u)" != 0 ]; then echo ""; elif id "$1" >/dev/null 2>&1; then echo "$1"; else echo nobody; fi; }
# as_user USER: the command prefix that runs a daemon as USER (nothing when USER is empty).
# setpriv execs the daemon (runuser would stay its parent and not pass SIGTERM on), so $! is it.
as_user() { [ -z "$1" ] || echo "setpriv --reuid=$1 --regid=$(id -g "$1") --clear-groups --"; }

# free_port DIR: a free loopback port, never one already handed out for DIR (MLflow binds its
# port tens of seconds after it is chosen).
free_port() {
  "$venv/bin/python" - "$1/ports" <<'PY'
import os, socket, sys
taken = set(open(sys.argv[1]).read().split()) if os.path.exists(sys.argv[1]) else set()
while True:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = str(s.getsockname()[1]); s.close()
    if port not in taken:
        break
open(sys.argv[1], "a").write(port + "\n")
print(port)
PY
}

# wait_for WHAT PIDFILE LOG TENTHS COMMAND…: retries COMMAND every 0.1 s (plus its own run
# time) until it succeeds, at most TENTHS times, while the daemon of PIDFILE lives; if it never
# does, shows the end of LOG and fails.
wait_for() {
  local what="$1" pid log="$3" tries="$4"
  pid="$(cat "$2")"
  shift 4
  for _ in $(seq 1 "$tries"); do
    "$@" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "services.sh: $what exited; the end of $log:" >&2; tail -n 20 "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "services.sh: $what did not become ready; the end of $log:" >&2
  tail -n 20 "$log" >&2 || true
  return 1
}

# stop_daemons DIR: SIGTERM to each daemon started in DIR (MLflow: its process group), up to 10 s
# for all of them to exit, then SIGKILL to what is left.
stop_daemons() {
  local targets=() name
  for name in moto mlflow redis mariadb; do
    [ -f "$1/$name.pid" ] || continue
    if [ "$name" = mlflow ]; then targets+=("-$(cat "$1/$name.pid")"); else targets+=("$(cat "$1/$name.pid")"); fi
  done
  [ ${#targets[@]} -gt 0 ] || return 0
  kill -TERM -- "${targets[@]}" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 -- "${targets[@]}" 2>/dev/null || return 0  # fails only when none is left
    sleep 0.1
  done
  kill -KILL -- "${targets[@]}" 2>/dev/null || true
}

stop() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  stop_daemons "$dir"
  if [ -f "$dir/pgbin" ] && [ -d "$dir/pg" ]; then
    as_pg "$(cat "$dir/pgbin")/pg_ctl" -D "$dir/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

# MariaDB: a fresh data folder, the server on a free loopback port with its own socket, as
# the `mysql` user (or `nobody`) when root. The table and the read-only user are created by
# mariadb-install-db's bootstrap (--extra-file), so no administrator login is ever needed.
start_mariadb() {
  local dir="$1" user port
  local password='m4ria$db "pw" #2'
  user="$(daemon_user mysql)"
  port="$(free_port "$dir")"
  # One statement per line; the password has no ' or \ to escape. The bootstrap runs without
  # the grant tables: FLUSH PRIVILEGES loads them, so that CREATE USER works.
  cat > "$dir/mariadb-setup.sql" <<SQL
FLUSH PRIVILEGES;
CREATE DATABASE features;
CREATE TABLE features.features (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, value DOUBLE NOT NULL);
INSERT INTO features.features VALUES (1, 'age', 0.25), (2, 'income', 0.5), (3, 'tenure', 0.75);
CREATE USER 'reader'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT SELECT ON features.* TO 'reader'@'127.0.0.1';
SQL
  mkdir "$dir/mariadb"
  [ -n "$user" ] && chown "$user" "$dir/mariadb"
  mariadb-install-db --no-defaults --datadir="$dir/mariadb" ${user:+--user="$user"} --skip-test-db \
    --auth-root-authentication-method=socket --extra-file="$dir/mariadb-setup.sql" >"$dir/mariadb-install.log" 2>&1 ||
    { tail -n 20 "$dir/mariadb-install.log" >&2; false; }
  rm -f "$dir/mariadb-setup.sql"
  mariadbd --no-defaults --datadir="$dir/mariadb" ${user:+--user="$user"} --bind-address=127.0.0.1 --port="$port" \
    --socket="$dir/mariadb/mariadbd.sock" --pid-file="$dir/mariadb/mariadbd.pid" --log-error="$dir/mariadb/server.log" \
    --skip-name-resolve --innodb-buffer-pool-size=16M >/dev/null 2>&1 &
  echo $! > "$dir/mariadb.pid"
  # Ready when the reader can log in and read the table.
  NBRUNNER_SERVICES_PW="$password" wait_for MariaDB "$dir/mariadb.pid" "$dir/mariadb/server.log" 300 "$venv/bin/python" -c '
import os, sys, mysql.connector
c = mysql.connector.connect(host="127.0.0.1", port=int(sys.argv[1]), user="reader",
                            password=os.environ["NBRUNNER_SERVICES_PW"], database="features")
cur = c.cursor(); cur.execute("SELECT COUNT(*) FROM features"); assert cur.fetchone()[0] == 3' "$port"
  {
    printf 'export NBRUNNER_TEST_MYSQL_PORT=%s\n' "$port"
    printf 'export NBRUNNER_TEST_MYSQL_PASSWORD=%q\n' "$password"
  } > "$dir/mariadb.env"
}

# Redis: `requirepass` (the default user's password, which redis-py's `password=` sends), no
# persistence, as the `redis` user when root.
start_redis() {
  local dir="$1" user port
  local password='r3dis$ "pw" #3'
  user="$(daemon_user redis)"
  port="$(free_port "$dir")"
  mkdir "$dir/redis"
  {
    printf 'bind 127.0.0.1\nport %s\ndir %s\nsave ""\nappendonly no\ndaemonize no\nlogfile %s\n' \
      "$port" "$dir/redis" "$dir/redis/server.log"
    # A double-quoted redis.conf string: \ and " escaped.
    printf 'requirepass "%s"\n' "$(printf '%s' "$password" | sed 's/[\\"]/\\&/g')"
  } > "$dir/redis/redis.conf"
  chmod 600 "$dir/redis/redis.conf"
  [ -n "$user" ] && chown -R "$user" "$dir/redis"
  # shellcheck disable=SC2046  # word splitting of the prefix is meant
  $(as_user "$user") redis-server "$dir/redis/redis.conf" >/dev/null 2>&1 &
  echo $! > "$dir/redis.pid"
  NBRUNNER_SERVICES_PW="$password" wait_for Redis "$dir/redis.pid" "$dir/redis/server.log" 200 "$venv/bin/python" -c '
import os, sys, redis
r = redis.Redis(host="127.0.0.1", port=int(sys.argv[1]), password=os.environ["NBRUNNER_SERVICES_PW"])
r.hset("features", mapping={"age": 0.25, "income": 0.5, "tenure": 0.75})
r.set("model:version", "3")' "$port"
  {
    printf 'export NBRUNNER_TEST_REDIS_PORT=%s\n' "$port"
    printf 'export NBRUNNER_TEST_REDIS_PASSWORD=%q\n' "$password"
  } > "$dir/redis.env"
}

# MLflow with basic auth: the admin's password comes from the auth config file
# (MLFLOW_AUTH_CONFIG_PATH), so it is not the default one. The server takes tens of seconds to
# start, so it is launched first and waited for last (finish_mlflow).
launch_mlflow() {
  local dir="$1" port
  port="$(free_port "$dir")"
  mkdir "$dir/mlflow"
  echo "$port" > "$dir/mlflow/port"
  echo "admin-$RANDOM$RANDOM$RANDOM" > "$dir/mlflow/admin.pw"
  cat > "$dir/mlflow/auth.ini" <<INI
[mlflow]
default_permission = READ
database_uri = sqlite:///$dir/mlflow/auth.db
admin_username = admin
admin_password = $(cat "$dir/mlflow/admin.pw")
authorization_function = mlflow.server.auth:authenticate_request_basic_auth
INI
  chmod 600 "$dir/mlflow/auth.ini" "$dir/mlflow/admin.pw"
  # Its own process group (setsid), so that stop ends uvicorn with it. No job runner: the
  # tests need none, and it starts a dozen more processes.
  MLFLOW_AUTH_CONFIG_PATH="$dir/mlflow/auth.ini" MLFLOW_FLASK_SERVER_SECRET_KEY="csrf-$RANDOM$RANDOM$RANDOM" \
    MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false \
    setsid "$mlflow_venv/bin/mlflow" server --app-name basic-auth --host 127.0.0.1 --port "$port" --workers 1 \
    --backend-store-uri "sqlite:///$dir/mlflow/mlflow.db" --artifacts-destination "$dir/mlflow/artifacts" \
    >"$dir/mlflow/server.log" 2>&1 < /dev/null &
  echo $! > "$dir/mlflow.pid"
}

# Waits for MLflow, then creates the notebooks' user through the auth REST API.
finish_mlflow() {
  local dir="$1" port
  local password='mlfl0w$ "pw" #4'
  port="$(cat "$dir/mlflow/port")"
  wait_for MLflow "$dir/mlflow.pid" "$dir/mlflow/server.log" 1800 "$venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=5)' "$port"
  NBRUNNER_SERVICES_PW="$password" NBRUNNER_SERVICES_ADMIN_PW="$(cat "$dir/mlflow/admin.pw")" \
    "$venv/bin/python" - "$port" <<'PY'
import base64, json, os, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
def call(path, body, user, password):
    auth = base64.b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": "Basic " + auth, "Content-Type": "application/json"})
    return urllib.request.urlopen(request, timeout=30).read()
call("/api/2.0/mlflow/users/create", {"username": "mlflow-user", "password": os.environ["NBRUNNER_SERVICES_PW"]},
     "admin", os.environ["NBRUNNER_SERVICES_ADMIN_PW"])
call("/api/2.0/mlflow/experiments/search", {"max_results": 1}, "mlflow-user", os.environ["NBRUNNER_SERVICES_PW"])
PY
  {
    printf 'export NBRUNNER_TEST_MLFLOW_URI=http://127.0.0.1:%s\n' "$port"
    printf 'export NBRUNNER_TEST_MLFLOW_PASSWORD=%q\n' "$password"
  } > "$dir/mlflow.env"
}

start() {
  local dir
  dir="$(mktemp -d /tmp/nbrunner-services-XXXXXX)"
  chmod 755 "$dir"
  # Anything failing below stops what was started.
  trap 'echo "services.sh: start failed at line $LINENO ($BASH_COMMAND); stopping what was started" >&2; stop "$dir"' ERR
  launch_mlflow "$dir"

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
  pgport="$(free_port "$dir")"
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
  s3port="$(free_port "$dir")"
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

  start_mariadb "$dir"
  start_redis "$dir"
  finish_mlflow "$dir"

  {
    printf 'export NBRUNNER_TEST_PG_HOST=127.0.0.1 NBRUNNER_TEST_PG_PORT=%s\n' "$pgport"
    printf 'export NBRUNNER_TEST_PG_PASSWORD=%q\n' "$reader_pw"
    printf 'export NBRUNNER_TEST_S3_ENDPOINT=http://127.0.0.1:%s\n' "$s3port"
    cat "$dir/mariadb.env" "$dir/redis.env" "$dir/mlflow.env"
  } > "$dir/env"
  trap - ERR
  echo "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: services.sh stop FOLDER}" ;;
  *) echo "usage: services.sh start | stop FOLDER" >&2; exit 2 ;;
esac
