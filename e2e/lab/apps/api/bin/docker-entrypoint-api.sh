#!/bin/sh
set -e
python3 manage.py wait_for_db
python3 manage.py wait_for_migrations
echo "Clearing cache ..."
exec python3 -m gunicorn -w "${GUNICORN_WORKERS:-1}" plane.wsgi:application --bind 0.0.0.0:"${PORT:-8000}" \
  --max-requests 1200 --max-requests-jitter 1000 --access-logfile -
