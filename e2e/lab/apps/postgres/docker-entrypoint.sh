#!/bin/sh
# The official postgres image's entrypoint, reduced: initialise PGDATA once with POSTGRES_USER /
# POSTGRES_PASSWORD / POSTGRES_DB (scram-sha-256 for network clients), then run the server as the
# postgres user. A password changed later in plane.env does NOT change an initialised volume,
# exactly as with the real image (plane-reference.md section 6, row 16).
set -e
PGBIN=/usr/lib/postgresql/15/bin
: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
as_pg() { setpriv --reuid=70 --regid=70 --clear-groups "$@"; }
mkdir -p "$PGDATA" /run/postgresql
chown -R 70:70 "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s\n' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > /run/postgresql/pwfile
  chown 70:70 /run/postgresql/pwfile
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/run/postgresql/pwfile \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C >/dev/null
  rm -f /run/postgresql/pwfile
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != "postgres" ]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\";" | as_pg "$PGBIN/postgres" --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "PostgreSQL init process complete; ready for start up."
else
  echo "PostgreSQL Database directory appears to contain a database; Skipping initialization"
fi
if [ "$1" = "postgres" ]; then
  shift
  exec setpriv --reuid=70 --regid=70 --clear-groups "$PGBIN/postgres" -D "$PGDATA" -c listen_addresses='*' "$@"
fi
exec "$@"
