#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on 127.0.0.1 (creating it if needed), creates a fresh empty
# database for the test run (dropping those of earlier runs), and prints its URL. Needs root and the `postgresql` package.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters --no-header | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_ctlcluster "$version" main status >/dev/null
port=$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
database="orders_test_$(date +%s)"
su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'orders_test') THEN
    CREATE ROLE orders_test LOGIN PASSWORD 'orders_test';
  END IF;
END \$\$;
SELECT format('DROP DATABASE %I', datname) FROM pg_database WHERE datname LIKE 'orders_test_%' \\gexec
CREATE DATABASE $database OWNER orders_test;
SQL
echo "postgresql://orders_test:orders_test@127.0.0.1:$port/$database"
