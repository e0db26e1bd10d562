#!/bin/sh
# The whole test suite: once on the embedded SQLite database, once on PostgreSQL.
# PostgreSQL: TEST_DATABASE_URL if set, otherwise a throwaway cluster started with the machine's
# initdb/pg_ctl (scripts/with-postgres.sh). Without PostgreSQL binaries only SQLite runs, and the
# run says so (CI installs them, see .ci/run; REQUIRE_POSTGRES=1 makes that an error).
set -eu
cd "$(dirname "$0")/.."

npm run --silent build      # the real-server tests run the built server, as `npm start` does
npm run --silent typecheck  # tests run through tsx, which does not type-check

export TEST_FILES="$(find src test -name '*.test.ts' | sort | tr '\n' ' ')"
RUN='node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-reporter=spec $TEST_FILES'

echo "== tests on SQLite"
TEST_DATABASE_URL= sh -c "$RUN"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== tests on PostgreSQL ($TEST_DATABASE_URL)"
  sh -c "$RUN"
  exit 0
fi

echo "== tests on PostgreSQL (throwaway cluster)"
set +e
sh scripts/with-postgres.sh sh -c "$RUN"
code=$?
set -e
if [ "$code" -eq 3 ]; then
  echo "== PostgreSQL binaries (initdb, pg_ctl) not found: ran on SQLite only. Install postgresql to run both." >&2
  [ -z "${REQUIRE_POSTGRES:-}" ] || exit 1
  exit 0
fi
exit "$code"
