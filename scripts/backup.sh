#!/usr/bin/env bash
# Backs up the casework database to one file. Everything the service keeps is in PostgreSQL: cases, people,
# correspondence, letters, attachments (bytea columns), the audit trail and signed-in sessions; there are no
# files on disk to copy. pg_dump reads one consistent snapshot, so it may run while the service is in use.
#
# Usage: scripts/backup.sh [backup-file]        (default: casework-<UTC time>.dump in the current directory)
# Connection: the usual PostgreSQL variables PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass) and PGDATABASE
# (default casework). PG_BIN may name the directory of pg_dump/pg_restore when they are not on the PATH.
# Writes <backup-file> (pg_dump custom format) and <backup-file>.sha256; see docs/backup.md.
set -euo pipefail

export PGDATABASE="${PGDATABASE:-casework}"
bin="${PG_BIN:+${PG_BIN%/}/}"
out="${1:-casework-$(date -u +%Y%m%dT%H%M%SZ).dump}"
partial="$out.partial"
trap 'rm -f "$partial"' EXIT

"${bin}pg_dump" --format=custom --compress=6 --no-owner --no-privileges --file="$partial"
# A backup that cannot be read back is no backup: list its contents before calling it done.
"${bin}pg_restore" --list "$partial" >/dev/null
mv "$partial" "$out"
sha256sum "$out" | cut -d' ' -f1 >"$out.sha256"
echo "Backed up database $PGDATABASE to $out ($(du -h "$out" | cut -f1)), checksum in $out.sha256"
