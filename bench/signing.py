"""Benchmark of signing under load (not a test; prints figures).

1. makes a throw-away PostgreSQL database next to the one ``DATABASE_URL`` names,
   migrates it and loads the demo; Redis (``REDIS_URL``, default database 3) holds
   the response cache and the signing throttle;
2. serves the project with gunicorn on 127.0.0.1 (production-like settings,
   ``bench.signing_settings``);
3. for a fixed number of seconds, a few client processes (one request in flight
   each: the load is bounded) sign the demo action from en, nl and fr at once:
   mostly new addresses, some repeats of addresses already sent, some invalid bodies
   (bad consent, a name that is a list, malformed and deeply nested JSON); each
   request comes from its own client address (``X-Forwarded-For``); meanwhile one
   reader process reads a case page;
4. confirms a share of the stored signatures through the API (some twice), from
   several processes at once;
5. prints accepted signing requests per second, latencies, the 5xx count, whether
   every accepted new address is stored exactly once, and whether the confirmed
   count is exact.

Usage::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h3 \
    REDIS_URL=redis://127.0.0.1:6379/3 .venv/bin/python bench/signing.py --port 18310

Everything runs on the loopback interface; the server is stopped at the end and the
benchmark database dropped.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOCALES = ("en", "nl", "fr")


def bench_env(database_url: str, redis_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.signing_settings",
        "BENCH_DATABASE_URL": database_url,
        "BENCH_API_CACHE": "0",
        "REDIS_URL": redis_url,
        "PYTHONPATH": str(ROOT),
    }


def run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit(f"failed: {' '.join(args[:3])}")
    return result.stdout


def admin_database(database_url: str, name: str, action: str) -> None:
    import psycopg

    parts = urlsplit(database_url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action == "create":
            connection.execute(f'CREATE DATABASE "{name}"')


def request(
    port: int, method: str, path: str, body: bytes | None = None, client: str = ""
) -> tuple[int, float, bytes]:
    """One request on a new connection; (status, seconds, body)."""
    headers = {"Host": "127.0.0.1", "X-Forwarded-For": client or "127.0.0.1"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, time.perf_counter() - start, data
    finally:
        connection.close()


def random_client(rng: random.Random) -> str:
    return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def signer(args: tuple[int, int, dict[str, str], float, int]) -> dict[str, object]:
    """One client process: signs for ``seconds``; returns its tallies."""
    number, port, slugs, seconds, run_id = args
    rng = random.Random(number)
    statuses: Counter[str] = Counter()
    latencies: list[float] = []
    new_accepted: list[str] = []
    sent: list[str] = []
    deadline = time.monotonic() + seconds
    count = 0
    invalid_bodies = [
        b'{"first_name": ',
        b"[" * 100_000,
        json.dumps({"first_name": ["A", "B"], "consent_privacy": True}).encode(),
    ]
    while time.monotonic() < deadline:
        count += 1
        locale = LOCALES[count % 3]
        roll = rng.random()
        kind = "new"
        if roll < 0.15 and sent:
            kind, email = "repeat", rng.choice(sent)
        elif roll < 0.30:
            kind, email = "invalid", ""
        else:
            email = f"b{run_id}-{number}-{count}@example.org"
        if kind == "invalid":
            body = rng.choice(invalid_bodies)
            if body.startswith(b'{"first_name": [') is False and rng.random() < 0.3:
                body = json.dumps(
                    {
                        "first_name": "A",
                        "last_name": "B",
                        "email": "x@example.org",
                        "country": "BE",
                        "consent_privacy": "no",
                    }
                ).encode()
        else:
            body = json.dumps(
                {
                    "first_name": rng.choice(["Ana", "محمد", "Zoë", "Lê"]),
                    "last_name": "Bench",
                    "email": email,
                    "country": rng.choice(["BE", "NL", "FR", "IR"]),
                    "postcode": "1000",
                    "consent_privacy": True,
                    "consent_contact": False,
                }
            ).encode()
        path = f"/api/v1/{locale}/actions/{slugs[locale]}/signatures/"
        try:
            status, elapsed, _data = request(
                port, "POST", path, body, random_client(rng)
            )
        except OSError:
            statuses["connection error"] += 1
            continue
        statuses[f"{kind} {status}"] += 1
        latencies.append(elapsed)
        if kind == "new":
            sent.append(email)
            if status == 202:
                new_accepted.append(email)
    return {"statuses": statuses, "latencies": latencies, "new": new_accepted}


def reader(args: tuple[int, str, float]) -> list[float]:
    """Reads one case page for ``seconds``; returns latencies of 200 answers."""
    port, path, seconds = args
    latencies = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, elapsed, _data = request(port, "GET", path)
        if status == 200:
            latencies.append(elapsed)
    return latencies


def confirmer(args: tuple[int, int, list[tuple[str, str]]]) -> Counter[str]:
    number, port, jobs = args
    rng = random.Random(1000 + number)
    statuses: Counter[str] = Counter()
    for path, token in jobs:
        body = json.dumps({"token": token}).encode()
        status, _elapsed, _data = request(port, "POST", path, body, random_client(rng))
        statuses[str(status)] += 1
    return statuses


def server_cpu_seconds(master_pid: int) -> float:
    """CPU time (user + system) used so far by gunicorn's workers, from /proc.

    Other agents may share the machine's cores, which moves requests per second
    from one run to the next; the server's CPU time per request does not move with
    them, so the benchmark reports both.
    """
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the name: state, ppid, ..., utime (14th field) and stime (15th).
        if int(fields[1]) == master_pid:
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def ms(values: list[float], quantile: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(len(ordered) * quantile))] * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=18310)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--confirm-share", type=float, default=0.3)
    options = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        raise SystemExit(
            "set DATABASE_URL=postgres://…: the benchmark needs PostgreSQL"
        )
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")
    name = urlsplit(base_url).path.lstrip("/") + "_bench_signing"
    database_url = urlunsplit(urlsplit(base_url)._replace(path=f"/{name}"))
    env = bench_env(database_url, redis_url)
    admin_database(base_url, name, "create")
    server = None
    try:
        print("migrating and loading the demo…", flush=True)
        run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], env)
        run([sys.executable, "manage.py", "load_demo"], env)
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.cache import caches

        from actions.models import Signature, UrgentActionPage
        from actions.signing import make_token
        from casepages.models import PrisonerCasePage

        caches["default"].clear()  # Redis database of the benchmark only
        actions = {
            page.locale.language_code: page
            for page in UrgentActionPage.objects.live().filter(
                slug__startswith="iran-", alias_of__isnull=True
            )
        }
        slugs = {code: page.slug for code, page in actions.items()}
        key = actions["en"].translation_key
        case = (
            PrisonerCasePage.objects.live().filter(locale__language_code="en").first()
        )
        case_path = f"/api/v1/en/cases/{case.slug}/"
        confirmed_before = Signature.objects.confirmed(key).count()

        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "example_site.wsgi:application",
                "--bind",
                f"127.0.0.1:{options.port}",
                "--workers",
                str(options.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(options.port, "GET", "/healthz/")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.2)
        quiet = reader((options.port, case_path, 2.0))

        run_id = random.randrange(10**6)
        print(
            f"signing for {options.seconds:.0f} s from {options.clients} clients "
            "(+1 reader)…",
            flush=True,
        )
        load_before = os.getloadavg()[0]
        cpu_before = server_cpu_seconds(server.pid)
        with multiprocessing.Pool(options.clients + 1) as pool:
            reading = pool.apply_async(
                reader, ((options.port, case_path, options.seconds),)
            )
            started = time.monotonic()
            results = pool.map(
                signer,
                [
                    (n, options.port, slugs, options.seconds, run_id)
                    for n in range(options.clients)
                ],
            )
            elapsed = time.monotonic() - started
            busy = reading.get()
        cpu_used = server_cpu_seconds(server.pid) - cpu_before
        load_after = os.getloadavg()[0]
        statuses: Counter[str] = Counter()
        latencies: list[float] = []
        accepted_new: list[str] = []
        for result in results:
            statuses.update(result["statuses"])
            latencies.extend(result["latencies"])
            accepted_new.extend(result["new"])
        accepted = sum(n for label, n in statuses.items() if label.endswith(" 202"))
        errors_5xx = sum(
            n for label, n in statuses.items() if label.split()[-1].startswith("5")
        )
        stored = Signature.objects.filter(email__startswith=f"b{run_id}-").count()

        pending = list(
            Signature.objects.pending()
            .filter(email__startswith=f"b{run_id}-")
            .order_by("?")[: int(len(accepted_new) * options.confirm_share)]
        )
        jobs = []
        for signature in pending:
            page = actions[signature.locale]
            path = f"/api/v1/{signature.locale}/actions/{page.slug}/signatures/confirm/"
            jobs.append((path, make_token(signature)))
        twice = jobs[: len(jobs) // 5]  # a fifth confirmed twice: must count once
        work = jobs + twice
        random.shuffle(work)
        chunks = [work[n :: options.clients] for n in range(options.clients)]
        with multiprocessing.Pool(options.clients) as pool:
            started = time.monotonic()
            confirm_statuses = sum(
                pool.map(
                    confirmer,
                    [(n, options.port, chunk) for n, chunk in enumerate(chunks)],
                ),
                Counter(),
            )
            confirm_elapsed = time.monotonic() - started
        confirmed_after = Signature.objects.confirmed(key).count()
        api_count = json.loads(
            request(options.port, "GET", f"/api/v1/en/actions/{slugs['en']}/")[2]
        )["signature_count"]

        print()
        print(f"signing requests        {sum(statuses.values())} in {elapsed:.1f} s")
        print(f"accepted (202) per s    {accepted / elapsed:.0f}")
        served = sum(statuses.values()) + len(busy)
        print(
            f"server CPU per request  {cpu_used * 1000 / max(served, 1):.1f} ms "
            f"(gunicorn workers, signing and reading; load average "
            f"{load_before:.1f} before, {load_after:.1f} after)"
        )
        print(
            f"latency p50 / p99       {ms(latencies, 0.5)} / {ms(latencies, 0.99)} ms"
        )
        for label, n in sorted(statuses.items()):
            print(f"  {label:22s}{n}")
        print(f"5xx answers             {errors_5xx}")
        print(
            f"new addresses accepted  {len(accepted_new)}, rows stored {stored} "
            f"({'exact' if stored == len(set(accepted_new)) else 'MISMATCH'})"
        )
        print(
            f"confirmations           {sum(confirm_statuses.values())} "
            f"({len(twice)} repeated) in {confirm_elapsed:.1f} s: "
            f"{dict(confirm_statuses)}"
        )
        expected = confirmed_before + len(jobs)
        print(
            f"confirmed count         {confirmed_after} (expected {expected}, API says "
            f"{api_count}: {'exact' if confirmed_after == expected == api_count else 'MISMATCH'})"
        )
        print(
            f"case reader p50 / p99   quiet {ms(quiet, 0.5)} / {ms(quiet, 0.99)} ms, "
            f"under load {ms(busy, 0.5)} / {ms(busy, 0.99)} ms "
            f"({len(busy) / options.seconds:.0f} reads/s)"
        )
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        from django.db import connections

        connections.close_all()
        admin_database(base_url, name, "drop")


if __name__ == "__main__":
    main()
