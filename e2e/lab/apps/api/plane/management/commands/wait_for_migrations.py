import time

from django.core.management.base import BaseCommand

from plane.db import run_sql
from plane.management.commands.migrate import MIGRATIONS


class Command(BaseCommand):
    help = "Block until the migrator has applied every migration, as Plane's api does."

    def handle(self, *args, **options):
        while True:
            ok, out = run_sql("SELECT count(*) FROM django_migrations")
            if ok and out.isdigit() and int(out) >= len(MIGRATIONS):
                self.stdout.write(self.style.SUCCESS("All migrations are applied"))
                return
            self.stdout.write("Waiting for database migrations to complete...")
            time.sleep(2)
