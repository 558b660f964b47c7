"""Pages under load: the home and each area's dashboard served by `marsad run` (gunicorn) on
loopback, against a baseline measured in the same run: the same server answering a static file.

The database is a throwaway one holding the demo, and with --incidents N as many synthetic
incidents more (written in bulk, as a restore would, then counted by `marsad ceasefire
aggregates --rebuild`). For each page, as an anonymous reader, an analyst and a liaison officer
(each signed-in reader with a session made for the run):

  single    one reader asking again and again (one connection at a time): p50 and p95 in ms
  loaded    16 connections asking at once for --seconds: requests per second, p50 and p95

Every request asks for GZip, as browsers do. The first request of each page fills the cache;
what is measured afterwards is what readers get between two writes. It prints one JSON line and
a table on stderr. Timings vary between machines; they are never pass/fail tests.
Usage: bench/pages.py [--incidents N] [--connections C] [--seconds S] [--workers W]
                      [--threads T] [--pages home,ceasefire] [--readers anonymous,analyst]
                      [--database-url postgres://...] [--port P]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from incidents_bulk import add_incidents  # noqa: E402  (beside this script)

BENCH_DB = "marsad_bench_pages"
STATIC = "/static/marsad/favicon.svg"
# The liaison officer's nation: one of the demo's contributing states.
NATION = "FRA"
READERS = ("anonymous", "analyst", "liaison")
PAGES = [
    ("home", "/"),
    ("coalition", "/coalition/"),
    ("governance", "/governance/"),
    ("mandate", "/mandate/"),
    ("ceasefire", "/ceasefire/"),
    ("access", "/access/"),
    ("plan", "/plan/"),
    ("programs", "/programs/"),
    ("statements", "/statements/"),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--incidents", type=int, default=0, help="synthetic incidents to add")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0, help="of each loaded measure")
    parser.add_argument("--single", type=int, default=100, help="requests of a single reader")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=0, help="threads of each (0: marsad's)")
    parser.add_argument("--pages", default="", help="comma-separated names (default: all)")
    parser.add_argument(
        "--readers", default=",".join(READERS), help="comma-separated, of " + ", ".join(READERS)
    )
    parser.add_argument("--port", type=int, default=8014)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    args.readers = [r for r in args.readers.split(",") if r]
    if set(args.readers) - set(READERS):
        parser.error(f"--readers: of {', '.join(READERS)}")
    args.pages = [p for p in PAGES if not args.pages or p[0] in args.pages.split(",")]
    return args


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the database ---------------------------------------------------------------------------


def prepare(args: argparse.Namespace) -> dict[str, str]:
    """Migrate, load the demo (and the incidents), make an analyst and a liaison officer; the
    session cookie of each reader ('' for the anonymous one)."""
    import django
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connections

    django.setup()
    call_command("migrate", verbosity=0)
    from marsad.core.demo.loader import load_demo
    from marsad.core.services.base import SystemUser
    from marsad.core.services.users import create_user

    say("loading the demo")
    load_demo()
    if args.incidents:
        say(f"adding {args.incidents:,} incidents")
        add_incidents(args.incidents)
    cookies = {"anonymous": ""}
    for reader, role, nation in (("analyst", "analyst", ""), ("liaison", "liaison", NATION)):
        user = create_user(
            by=SystemUser("bench"),
            username=f"bench-{reader}",
            role=role,
            nation=nation,
            password=os.urandom(8).hex(),
        )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies[reader] = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
    connections.close_all()
    return {reader: cookies[reader] for reader in args.readers}


# --- the load -------------------------------------------------------------------------------


def fetch(port: int, path: str, cookie: str, timeout: float = 60) -> float:
    """One request on a new connection, as a reader arriving afresh would make: seconds taken."""
    headers = {"Accept-Encoding": "gzip", "Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status}")
    return time.perf_counter() - started


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def single(port: int, path: str, cookie: str, n: int) -> dict[str, float]:
    times = [fetch(port, path, cookie) for _ in range(n)]
    return {"p50_ms": statistics.median(times) * 1000, "p95_ms": pct(times, 0.95)}


def server_cpu(root: int) -> float:
    """CPU seconds of the server's processes (gunicorn and its workers) so far: what a request
    costs the server whatever else the machine runs (Linux's /proc)."""
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        try:
            text = Path("/proc", entry, "stat").read_text() if entry.isdigit() else ""
        except OSError:
            continue
        if text:
            fields = text.rsplit(")", 1)[1].split()
            stats[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    tree, total = {root}, 0
    for pid, (parent, _ticks) in sorted(stats.items()):
        if parent in tree:
            tree.add(pid)
    for pid in tree:
        total += stats.get(pid, (0, 0))[1]
    return total / os.sysconf("SC_CLK_TCK")


def loaded(
    port: int, path: str, cookie: str, connections: int, seconds: float, server: int
) -> dict[str, float]:
    times: list[float] = []
    errors = [0]
    stop = time.perf_counter() + seconds
    lock = threading.Lock()

    def worker() -> None:
        mine = []
        while time.perf_counter() < stop:
            try:
                mine.append(fetch(port, path, cookie))
            except (OSError, RuntimeError):
                errors[0] += 1
        with lock:
            times.extend(mine)

    started, cpu, client = time.perf_counter(), server_cpu(server), time.process_time()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    served = max(1, len(times))
    return {
        # Per request, in ms of one core: the server's processes, and this client's threads.
        "server_cpu_ms": (server_cpu(server) - cpu) * 1000 / served,
        "client_cpu_ms": (time.process_time() - client) * 1000 / served,
        "per_second": len(times) / elapsed,
        "p50_ms": statistics.median(times) * 1000 if times else 0.0,
        "p95_ms": pct(times, 0.95) if times else 0.0,
        "errors": errors[0],
    }


def measure(args: argparse.Namespace, cookies: dict[str, str], server: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    targets = [("static", STATIC, "anonymous", "")]
    for name, path in args.pages:
        targets.extend((name, path, reader, jar) for reader, jar in cookies.items())
    for name, path, reader, jar in targets:
        # Fills the cache; a loaded machine may take long over the first rendering.
        first = fetch(args.port, path, jar, timeout=300) * 1000
        one = single(args.port, path, jar, args.single)
        one["first_ms"] = first
        many = loaded(args.port, path, jar, args.connections, args.seconds, server)
        result[f"{name}/{reader}"] = {"single": one, "loaded": many}
        say(
            f"  {name:<11}{reader:<10} single p50 {one['p50_ms']:6.1f} ms  "
            f"{args.connections} connections {many['per_second']:6.0f}/s "
            f"(p50 {many['p50_ms']:6.1f} ms) server CPU {many['server_cpu_ms']:5.2f} ms/request"
        )
    base = result["static/anonymous"]
    for cell in result.values():
        cell["ratio_single_p50"] = cell["single"]["p50_ms"] / base["single"]["p50_ms"]
        cell["ratio_per_second"] = cell["loaded"]["per_second"] / base["loaded"]["per_second"]
        cell["ratio_server_cpu"] = cell["loaded"]["server_cpu_ms"] / max(
            1e-6, base["loaded"]["server_cpu_ms"]
        )
    return result


def wait_for(port: int, process: subprocess.Popen, limit: float = 300) -> None:
    deadline = time.time() + limit
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server stopped")
        try:
            fetch(port, STATIC, "")
            return
        except (OSError, RuntimeError):
            time.sleep(0.5)
    raise RuntimeError("the server did not answer")


def main() -> None:
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = tempfile.mkdtemp(prefix="marsad-bench-pages-")
    env = {**os.environ, "MARSAD_VAR_DIR": tmp, "DJANGO_SETTINGS_MODULE": "marsad.settings"}
    url = ""
    if args.database_url:
        url = urlunsplit(urlsplit(args.database_url)._replace(path="/" + BENCH_DB))
        admin = [
            sys.executable,
            "-c",
            "import sys, psycopg; c = psycopg.connect(sys.argv[1], "
            "autocommit=True); c.execute(sys.argv[2])",
            args.database_url,
        ]
        subprocess.run([*admin, f"DROP DATABASE IF EXISTS {BENCH_DB}"], check=True)
        subprocess.run([*admin, f"CREATE DATABASE {BENCH_DB}"], check=True)
        env["DATABASE_URL"] = url
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.update(env)
    server = None
    log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115 (closed with the run)
    try:
        cookies = prepare(args)
        say(f"starting marsad run on port {args.port} ({args.workers} workers)")
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "marsad"),
                "run",
                "--no-jobs",
                "--port",
                str(args.port),
                "--workers",
                str(args.workers),
                *(["--threads", str(args.threads)] if args.threads else []),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(args.port, server)
        except RuntimeError:
            say(Path(log.name).read_text()[-3000:])
            raise
        result = {
            "bench": "pages",
            "database": "postgresql" if url else "sqlite",
            "incidents_added": args.incidents,
            "connections": args.connections,
            "workers": args.workers,
            "cores": os.cpu_count(),
            "threads": args.threads,
            "pages": measure(args, cookies, server.pid),
            "load": os.getloadavg(),
        }
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=120)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if url:
            subprocess.run([*admin, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)"])
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)
    rounded = json.loads(json.dumps(result), parse_float=lambda s: float(f"{float(s):.4g}"))
    print(json.dumps(rounded))


if __name__ == "__main__":
    main()
