#!/usr/bin/env python3
"""Plane's manage.py, for the Hangar lab's stand-in API (real Django + django-cors-headers)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plane.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
