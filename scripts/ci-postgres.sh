#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on 127.0.0.1 (creating it if needed), creates a fresh empty
# database for the test run (dropping those of earlier runs), and prints its URL. Needs root and the `postgresql` package.
# The optional argument names the purpose (default "test"): `scripts/ci-postgres.sh bench` creates
# orders_bench_<time> and drops only earlier orders_bench_* databases, so a benchmark never drops a
# database that a test run is using. Databases named after it (the Temporal cluster's <database>_temporal and
# <database>_visibility) go with it.
set -euo pipefail
purpose=${1:-test}
[[ $purpose =~ ^[a-z]+$ ]] || { echo "usage: $0 [purpose], lower-case letters only" >&2; exit 2; }
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters --no-header | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_ctlcluster "$version" main status >/dev/null
port=$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
database="orders_${purpose}_$(date +%s)"
su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'orders_test') THEN
    CREATE ROLE orders_test LOGIN PASSWORD 'orders_test';
  END IF;
END \$\$;
-- The cluster test target creates Temporal's databases beside the test database (temporal-cluster.ts).
ALTER ROLE orders_test CREATEDB;
SELECT format('DROP DATABASE %I', datname) FROM pg_database WHERE datname LIKE 'orders_${purpose}_%' \\gexec
CREATE DATABASE $database OWNER orders_test;
SQL
echo "postgresql://orders_test:orders_test@127.0.0.1:$port/$database"
