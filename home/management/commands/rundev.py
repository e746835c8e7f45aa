"""Serve the site and a task worker side by side; Ctrl-C stops both."""

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the development server and a django-tasks database worker together."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, addrport, **options):
        # Ctrl-C and `kill` both stop the pair, even when started where SIGINT was ignored
        # (a background job of a script).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _interrupt)
        python = sys.executable
        base_url = self.serve_here(addrport)
        env = {**os.environ, "WAGTAILADMIN_BASE_URL": base_url}
        procs = [
            # Without the autoreloader: it would walk every file each second while idle.
            subprocess.Popen([python, "manage.py", "db_worker", "--interval", "1", "--no-reload"], env=env),
            subprocess.Popen([python, "manage.py", "runserver", addrport, "--noreload"], env=env),
        ]
        self.stdout.write(
            f"Site:   http://{addrport}/  (Serbian /sr/, English /en/)\n"
            f"Admin:  http://{addrport}/admin/\n"
            f"GraphQL http://{addrport}/graphql/\n"
            f"Health: http://{addrport}/healthz\n"
            "Press Ctrl-C to stop the server and the worker."
        )
        try:
            while all(proc.poll() is None for proc in procs):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.send_signal(signal.SIGINT)
            for proc in procs:
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        self.stdout.write("Stopped the server and the worker.")

    def serve_here(self, addrport):
        """Absolute URLs (hreflang, feeds, the sitemap, e-mails) name where the site is served."""
        from wagtail.models import Site

        host, _sep, port = addrport.rpartition(":")
        host = host or "127.0.0.1"
        for site in Site.objects.filter(is_default_site=True):
            # Saved, not updated: saving clears Wagtail's cached site root paths.
            site.hostname, site.port = host, int(port)
            site.save()
        return os.environ.get("WAGTAILADMIN_BASE_URL") or f"http://{host}:{port}"


def _interrupt(signum, frame):
    raise KeyboardInterrupt
