#!/usr/bin/env python3
"""A minimal Django API configured the way Plane configures CORS, CSRF and cookies.

Run with Debian's Django: /usr/bin/python3 manage.py runserver 127.0.0.1:PORT --noreload.
"""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
