#!/bin/sh
set -e
python3 manage.py wait_for_db
python3 manage.py migrate
