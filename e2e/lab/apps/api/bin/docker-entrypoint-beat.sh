#!/bin/sh
set -e
python3 manage.py wait_for_db
python3 manage.py wait_for_migrations
exec python3 manage.py lab_celery beat
