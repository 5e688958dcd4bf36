import time

from django.core.management.base import BaseCommand

from plane.db import run_sql


class Command(BaseCommand):
    help = "Wait for the database, as Plane's wait_for_db does (forever, once a second)."

    def handle(self, *args, **options):
        self.stdout.write("Waiting for database...")
        while True:
            ok, out = run_sql("SELECT 1")
            if ok:
                self.stdout.write(self.style.SUCCESS("Database available!"))
                return
            self.stdout.write("django.db.utils.OperationalError: %s" % out)
            self.stdout.write("Database unavailable, waiting 1 second...")
            time.sleep(1)
