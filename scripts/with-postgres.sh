#!/bin/sh
# Runs a command against a throwaway PostgreSQL cluster on a free loopback port, then stops it.
# Usage: scripts/with-postgres.sh <command> [args...]   (the command sees TEST_DATABASE_URL)
# Uses the machine's initdb/pg_ctl; as root they must run as the `postgres` system user.
set -eu

find_bin() {
  for dir in /usr/lib/postgresql/*/bin /usr/local/pgsql/bin /usr/local/bin /usr/bin; do
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; return 0; fi
  done
  command -v "$1" 2>/dev/null || return 1
}

INITDB=$(find_bin initdb) || { echo "with-postgres: initdb not found (apt-get install postgresql)" >&2; exit 3; }
PG_CTL=$(dirname "$INITDB")/pg_ctl
[ -x "$PG_CTL" ] || PG_CTL=$(find_bin pg_ctl)

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
DIR=$(mktemp -d /tmp/bwdash-pg.XXXXXX)
AS=""
if [ "$(id -u)" = "0" ]; then
  chown postgres "$DIR" 2>/dev/null || { echo "with-postgres: no 'postgres' user to run the cluster as" >&2; exit 3; }
  AS="runuser -u postgres --"
fi

cleanup() {
  $AS "$PG_CTL" -D "$DIR/pg" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT INT TERM

$AS "$INITDB" -D "$DIR/pg" -A trust -U postgres -E UTF8 >/dev/null
$AS "$PG_CTL" -D "$DIR/pg" -l "$DIR/log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $($AS "$(dirname "$INITDB")/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
"$@"
