#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster for the team-server tests and print the admin URL.
# initdb refuses root, so the cluster belongs to the `postgres` user; it listens on loopback
# only, with scram passwords. Usage: eval "$(bash .ci/postgres.sh)"  (exports the URL)
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DIR=${PG_DIR:-/tmp/annotator-ci-pg}
PORT=${PG_PORT:-54329}
PASSWORD=annotator-ci-admin
if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  rm -rf "$DIR"
  install -d -o postgres -g postgres "$DIR"
  printf '%s\n' "$PASSWORD" > "$DIR.pw" && chown postgres "$DIR.pw"
  runuser -u postgres -- "$BIN/initdb" -D "$DIR/data" -U postgres --pwfile="$DIR.pw" \
    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
fi
echo "export ANNOTATOR_TEST_PG_ADMIN_URL=postgresql://postgres:$PASSWORD@127.0.0.1:$PORT/postgres"
echo "export ANNOTATOR_TEST_PG_DATA=$DIR/data"
