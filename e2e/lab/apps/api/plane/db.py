"""
Talks to plane-db with the real PostgreSQL client (psql), since Debian ships no psycopg2 here.
Errors surface with PostgreSQL's own wording ("password authentication failed for user ..."),
which is what Hangar's log diagnostics look for.
"""
import os
import subprocess

PSQL = "/usr/lib/postgresql/15/bin/psql"


def database_url():
    url = os.environ.get("DATABASE_URL", "")
    if url:
        return url
    return "postgresql://%s:%s@%s:%s/%s" % (
        os.environ.get("POSTGRES_USER", "plane"),
        os.environ.get("POSTGRES_PASSWORD", "plane"),
        os.environ.get("PGHOST", "plane-db"),
        os.environ.get("POSTGRES_PORT", "5432"),
        os.environ.get("PGDATABASE", "plane"),
    )


def run_sql(sql):
    """Returns (ok, output); output is stdout on success, psql's error text otherwise."""
    env = dict(os.environ, PGCONNECT_TIMEOUT="3")
    proc = subprocess.run(
        [PSQL, database_url(), "-v", "ON_ERROR_STOP=1", "-tAc", sql],
        env=env, capture_output=True, text=True, timeout=30,
    )
    if proc.returncode == 0:
        return True, proc.stdout.strip()
    return False, (proc.stderr or proc.stdout).strip().replace("psql: error: ", "")
