#!/usr/bin/env bash
# Creates (again) the PostgreSQL database of the registry benchmark, applies the registry's own Flyway
# migrations to it and fills it with a synthetic region (generate.sql). Prints the time taken and the
# database size. Not part of any build or CI.
#
#   bench/registry/generate.sh                       # 1,000,000 studies / 10,000,000 instances
#   BENCH_STUDIES=10000 bench/registry/generate.sh   # smaller, for a try
#
# Environment: BENCH_DB (regbench), BENCH_SEED (1), BENCH_STUDIES (1000000), PGHOST/PGPORT (127.0.0.1:5432,
# user postgres with trust auth, as the integration tests use). The database is owned by 'exchange'.
# Needs a built registry: mvn -B -o install -DskipTests -DskipITs -pl services/study-registry -am
set -euo pipefail
cd "$(dirname "$0")/../.."

DB="${BENCH_DB:-regbench}"
SEED="${BENCH_SEED:-1}"
STUDIES="${BENCH_STUDIES:-1000000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
WORK="$(mktemp -d /tmp/regbench-generate.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
chmod 755 "$WORK"   # the database server reads the name pools (COPY FROM file)

classpath() {
  local cp=bench/registry/target/classpath.txt
  if [[ ! -s $cp || services/study-registry/pom.xml -nt $cp ]]; then
    mkdir -p bench/registry/target
    mvn -B -q -o dependency:build-classpath -pl services/study-registry -Dmdep.outputFile="$PWD/$cp" >/dev/null
  fi
  printf '%s:%s:%s' services/study-registry/target/classes "$(cat "$cp")" \
    "$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)"
}
CP="$(classpath)"

t0=$(date +%s)
psql -q -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB OWNER exchange;
SQL
# The registry's migrations, applied by its own SchemaMigrations (as the server does at start).
java -cp "$CP" bench/registry/BenchSetup.java migrate "jdbc:postgresql://$PGHOST:$PGPORT/$DB" exchange exchange
java -cp "$CP" bench/registry/BenchSetup.java names "$WORK" "$SEED" 20000
t1=$(date +%s)
psql -q -U postgres -d "$DB" -v studies="$STUDIES" -v seed="$SEED" -v pool_dir="$WORK" -f bench/registry/generate.sql
t2=$(date +%s)

echo "generated $STUDIES studies (seed $SEED) into $DB in $((t2 - t1)) s (schema and name pool $((t1 - t0)) s)"
psql -U postgres -d "$DB" -Atc "SELECT 'database size: ' || pg_size_pretty(pg_database_size('$DB'))"
psql -U postgres -d "$DB" -c "SELECT relname AS table, n_live_tup AS rows,
  pg_size_pretty(pg_table_size(relid)) AS data, pg_size_pretty(pg_indexes_size(relid)) AS indexes
  FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC"
