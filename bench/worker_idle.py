"""CPU an idle task worker uses: `db_worker` as `make run` and `make worker` start it, and with the autoreloader.

Migrates a fresh SQLite database in a temporary folder, starts each variant of
``manage.py db_worker`` against it with an empty queue, lets it settle for
``--settle`` seconds and reads its CPU time (user + system, from /proc) over
``--seconds``. Prints the share of one core for each. Linux only; every process
is stopped at the end.

    .venv/bin/python bench/worker_idle.py [--seconds 30] [--settle 10]
"""

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = {
    "make run / make worker (--no-reload)": ["--interval", "1", "--no-reload"],
    "with the autoreloader (--reload)": ["--interval", "1", "--reload"],
}


def cpu_seconds(pid):
    """User + system CPU seconds of a process and its children that were waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
    return (utime + stime + cutime + cstime) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid):
    """CPU seconds of ``pid`` and its live children (the autoreloader runs the worker as a child)."""
    total = cpu_seconds(pid)
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            with contextlib.suppress(FileNotFoundError):
                total += tree_cpu_seconds(int(child))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=30, help="measured interval (30)")
    parser.add_argument("--settle", type=float, default=10, help="seconds before measuring (10)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="worker-idle-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "--verbosity", "0"], env=env, cwd=ROOT, check=True)
        results = {}
        for label, options in VARIANTS.items():
            process = subprocess.Popen(
                [*manage, "db_worker", *options],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                time.sleep(args.settle)
                start_cpu, start = tree_cpu_seconds(process.pid), time.monotonic()
                time.sleep(args.seconds)
                used = tree_cpu_seconds(process.pid) - start_cpu
                results[label] = 100 * used / (time.monotonic() - start)
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        for label, share in results.items():
            print(f"{label:40} {share:5.1f}% of a core over {args.seconds:.0f} s")


if __name__ == "__main__":
    main()
