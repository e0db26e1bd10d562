#!/bin/sh
# The whole test suite: once on the embedded SQLite database, once on PostgreSQL.
# PostgreSQL: TEST_DATABASE_URL if set, otherwise a throwaway cluster started with the machine's
# initdb/pg_ctl (scripts/with-postgres.sh). Without PostgreSQL binaries only SQLite runs, and the
# run says so (CI installs them, see .ci/run).
set -eu
cd "$(dirname "$0")/.."

npm run --silent build
FILES=$(find src test -name '*.test.ts' | sort)
run() {
  node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-reporter=spec $FILES
}

echo "== tests on SQLite"
TEST_DATABASE_URL= run

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== tests on PostgreSQL ($TEST_DATABASE_URL)"
  run
elif sh scripts/with-postgres.sh true >/dev/null 2>&1; then
  echo "== tests on PostgreSQL (throwaway cluster)"
  FILES="$FILES" sh scripts/with-postgres.sh sh -c 'node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-reporter=spec $FILES'
else
  echo "== PostgreSQL not available here (no initdb/pg_ctl): ran SQLite only. Install postgresql to run both." >&2
  [ -z "${REQUIRE_POSTGRES:-}" ] || exit 1
fi
