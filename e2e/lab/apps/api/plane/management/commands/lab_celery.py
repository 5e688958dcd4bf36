import os
import socket
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime

from django.core.management.base import BaseCommand

BANNER = """
 -------------- celery@%(host)s v5.4.0 (opalescent)
--- ***** -----
-- ******* ---- Linux-x86_64 %(date)s
- *** --- * ---
- ** ---------- [config]
- ** ---------- .> app:         plane:0x7f3c2a1b
- ** ---------- .> transport:   %(amqp)s
- ** ---------- .> results:     %(redis)s
- *** --- * --- .> concurrency: 2 (prefork)
-- ******* ---- .> task events: OFF
--- ***** -----
 -------------- [queues]
                .> celery           exchange=celery(direct) key=celery
"""


class Command(BaseCommand):
    help = "Log like Plane's celery worker or beat (the lab runs no real tasks)."

    def add_arguments(self, parser):
        parser.add_argument("role", choices=["worker", "beat"])

    def handle(self, *args, **options):
        amqp = os.environ.get("AMQP_URL", "amqp://plane:**@plane-mq:5672/plane")
        redis = os.environ.get("REDIS_URL", "redis://plane-redis:6379/")
        host = socket.gethostname()
        log = lambda level, msg: print("[%s: %s/MainProcess] %s" % (datetime.now().isoformat(sep=" ", timespec="seconds"), level, msg), flush=True)
        if options["role"] == "worker":
            print(BANNER % {"host": host, "date": datetime.now().isoformat(), "amqp": amqp, "redis": redis}, flush=True)
            log("INFO", "Connected to %s" % amqp.split("@")[-1])
            log("INFO", "celery@%s ready." % host)
            tick = "Task plane.bgtasks.email_notification_task.stack_email_notification[%s] succeeded in 0.01s: None"
        else:
            log("INFO", "beat: Starting...")
            tick = "Scheduler: Sending due task check-every-five-minutes-to-send-email-notifications (%s)"
        n = 0
        while True:
            if options["role"] == "worker":
                self.sync_with_live(log)
            time.sleep(30)
            n += 1
            log("INFO", tick % n)
            sys.stdout.flush()

    def sync_with_live(self, log):
        """The worker's server-to-server call to live (document conversion), authenticated by the
        `live-server-secret-key` header. Only when LIVE_BASE_URL points at live (split layout), so a
        LIVE_SERVER_SECRET_KEY that differs between api and live shows up in both logs."""
        base = os.environ.get("LIVE_BASE_URL")
        if not base:
            return
        url = base.rstrip("/") + os.environ.get("LIVE_BASE_PATH", "/live") + "/convert-document/"
        req = urllib.request.Request(
            url, data=b'{"description_html": "<p></p>", "variant": "document"}', method="POST",
            headers={"content-type": "application/json", "live-server-secret-key": os.environ.get("LIVE_SERVER_SECRET_KEY", "")},
        )
        task = "Task plane.bgtasks.page_transaction_task.page_transaction"
        try:
            with urllib.request.urlopen(req, timeout=5) as res:
                log("INFO", "%s succeeded: live answered %s" % (task, res.status))
        except urllib.error.HTTPError as error:
            log("ERROR", "%s raised: live server rejected the request: %s %s (LIVE_SERVER_SECRET_KEY of api and live differ?)" % (task, error.code, error.reason))
        except (urllib.error.URLError, OSError) as error:
            log("ERROR", "%s raised: live server unreachable at %s: %s" % (task, url, error))
