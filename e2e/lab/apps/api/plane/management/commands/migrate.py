import os
import sys

from django.core.management.base import BaseCommand

from plane.db import run_sql

MIGRATIONS = [
    ("contenttypes", "0001_initial"), ("contenttypes", "0002_remove_content_type_name"),
    ("auth", "0001_initial"), ("db", "0001_initial"), ("db", "0100_alter_issue_sequence"),
    ("license", "0001_initial"), ("db", "0105_alter_project_cycle_view"),
]


class Command(BaseCommand):
    help = "Apply Plane's migrations (recorded in django_migrations on plane-db)."

    def handle(self, *args, **options):
        ok, out = run_sql(
            "CREATE TABLE IF NOT EXISTS django_migrations (id serial primary key, app varchar(255), "
            "name varchar(255), applied timestamptz default now(), unique (app, name))"
        )
        if not ok:
            raise SystemExit("django.db.utils.OperationalError: %s" % out)
        self.stdout.write("Operations to perform:\n  Apply all migrations: auth, contenttypes, db, license")
        self.stdout.write("Running migrations:")
        pending = list(MIGRATIONS)
        if os.environ.get("LAB_FAULT_MIGRATION") == "1":
            pending.append(("db", "0106_alter_issue_description_binary"))
        for app, name in pending:
            ok, out = run_sql("SELECT 1 FROM django_migrations WHERE app='%s' AND name='%s'" % (app, name))
            if ok and out == "1":
                continue
            if name.startswith("0106"):
                self.stdout.write("  Applying %s.%s..." % (app, name))
                sys.stderr.write(
                    "Traceback (most recent call last):\n"
                    '  File "/code/manage.py", line 10, in <module>\n'
                    "django.db.utils.ProgrammingError: column \"description_binary\" of relation \"issues\" already exists\n"
                )
                raise SystemExit(1)
            run_sql("INSERT INTO django_migrations (app, name) VALUES ('%s', '%s') ON CONFLICT DO NOTHING" % (app, name))
            self.stdout.write("  Applying %s.%s... OK" % (app, name))
