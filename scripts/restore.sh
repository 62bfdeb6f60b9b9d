#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an empty database (created if it does not exist).
# It refuses a database that already has tables: restore into a new database, check it, then point the
# service at it (SPRING_DATASOURCE_URL) or rename databases. See docs/backup.md.
#
# Usage: scripts/restore.sh <backup-file>
# Connection: PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass) and PGDATABASE (the database to restore into,
# default casework). PG_BIN may name the directory of pg_restore/psql when they are not on the PATH.
set -euo pipefail

file="${1:?Usage: scripts/restore.sh <backup-file>}"
export PGDATABASE="${PGDATABASE:-casework}"
bin="${PG_BIN:+${PG_BIN%/}/}"
target="$PGDATABASE"

if [ ! -f "$file" ]; then
  echo "No backup file $file" >&2
  exit 1
fi
if [ -f "$file.sha256" ]; then
  if [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$(cat "$file.sha256")" ]; then
    echo "$file does not match its checksum $file.sha256: it is damaged, use another backup" >&2
    exit 1
  fi
fi
if ! PGDATABASE=postgres "${bin}psql" -Atq -v ON_ERROR_STOP=1 \
    -c "select 1 from pg_database where datname = '${target//\'/\'\'}'" | grep -q 1; then
  echo "Creating database $target"
  PGDATABASE=postgres "${bin}psql" -q -v ON_ERROR_STOP=1 -c "create database \"${target//\"/\"\"}\""
fi
tables=$("${bin}psql" -Atq -v ON_ERROR_STOP=1 -c "select count(*) from pg_tables where schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "Database $target already has $tables tables: restore into an empty database" >&2
  exit 1
fi

# One transaction: either the whole backup is restored or nothing is.
"${bin}pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$file"

"${bin}psql" -Atq -v ON_ERROR_STOP=1 -F ' ' -c "select
    (select count(*) from casework_case) || ' cases, ' ||
    (select count(*) from case_attachment) || ' case attachments, ' ||
    (select count(*) from correspondence_item) || ' correspondence items, ' ||
    (select count(*) from audit_event) || ' audit rows, schema version ' ||
    (select max(version::int) from flyway_schema_history where success)" | sed "s/^/Restored into $target: /"
