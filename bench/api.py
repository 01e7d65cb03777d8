"""Benchmark of the content API against Wagtail's API v2 (not a test; prints figures).

For each N (100 and 2,000 by default) it:

1. builds a throw-away database (a SQLite file in a temporary folder, or a PostgreSQL
   database next to the one ``DATABASE_URL`` names), migrates it and loads the demo;
2. seeds N prisoner cases, each in en, nl and fr, with a portrait (and its ready
   renditions), a 20-event timeline, 10 sources and two themes;
3. counts the queries of one request of each kind in-process;
4. serves the project with gunicorn on 127.0.0.1 (two servers: one with the API's
   response cache off, one with it on), with Wagtail's API v2 pages endpoint
   (``fields=*``) and a plain Django view returning a fixed JSON body (the floor)
   mounted by ``bench.urls``;
5. runs a fixed number of seconds of requests per scenario from a few client
   processes and prints requests per second and p50/p99 latency, and the ratios.

Usage::

    .venv/bin/python bench/api.py
    .venv/bin/python bench/api.py --sizes 100 --seconds 2 --rounds 3 --clients 4

Everything runs on the loopback interface; servers are stopped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECTION_SLUGS = {"en": "cases", "nl": "zaken", "fr": "affaires"}
LOCALES = ("en", "nl", "fr")
SAMPLE = 30  # distinct cases that detail and resolve requests cycle through
PAGE_SIZE = 20


# --- Running Django in a child process -------------------------------------------------
def bench_env(database_url: str, media_root: str, cache: bool = True) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE_URL": database_url,
        "BENCH_MEDIA_ROOT": media_root,
        "BENCH_API_CACHE": "1" if cache else "0",
        "PYTHONPATH": str(ROOT),
    }


def run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit(f"failed: {' '.join(args[:3])}")
    return result.stdout


def manage(env: dict[str, str], *args: str) -> str:
    return run([sys.executable, "manage.py", *args], env)


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- Seeding (child process: ``api.py _seed N``) ---------------------------------------
def seed(count: int) -> None:
    """N cases in en, nl and fr, written straight to the tables (fast, no revisions)."""
    setup_django()
    import datetime
    import io
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.db import transaction
    from django.utils import timezone
    from PIL import Image as PILImage
    from wagtail.images import get_image_model
    from wagtail.images.models import Filter
    from wagtail.models import Collection, Page
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from casepages.models import CaseIndexPage, PrisonerCasePage, Theme
    from ngo_cms.api.serializers import IMAGE_FILTER_SPECS

    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    buffer = io.BytesIO()
    PILImage.new("RGB", (48, 60), (120, 120, 120)).save(buffer, "PNG")
    template = image_model(title="Bench portrait", width=48, height=60)
    template.file.save("bench-portrait.png", ContentFile(buffer.getvalue()), save=False)
    collection = Collection.get_first_root_node()
    images = image_model.objects.bulk_create(
        [
            image_model(
                title=f"Portrait {number}",
                file=template.file.name,
                width=48,
                height=60,
                collection=collection,
                file_size=len(buffer.getvalue()),
            )
            for number in range(count)
        ]
    )
    rendition_model.objects.bulk_create(
        [
            rendition_model(
                image=image,
                filter_spec=spec,
                focal_point_key=Filter(spec=spec).get_cache_key(image),
                file=f"images/bench-{image.pk}-{index}."
                + ("webp" if "webp" in spec else "png"),
                width=48,
                height=60,
            )
            for image in images
            for index, spec in enumerate(IMAGE_FILTER_SPECS)
        ]
    )
    indexes = {
        code: CaseIndexPage.objects.get(locale__language_code=code) for code in LOCALES
    }
    themes = list(Theme.objects.filter(locale__language_code="en")[:2])
    content_type = ContentType.objects.get_for_model(PrisonerCasePage)
    now = timezone.now()
    day = datetime.date(2016, 4, 1)
    timeline = [
        {
            "type": "event",
            "id": str(uuid.uuid4()),
            "value": {
                "date": (day + datetime.timedelta(days=30 * event)).isoformat(),
                "date_precision": "day",
                "kind": "trial",
                "title": f"Event {event}",
                "text": "What happened that day, with a citation [1]. " * 3,
            },
        }
        for event in range(20)
    ]
    sources = [
        {
            "type": "source",
            "id": str(uuid.uuid4()),
            "value": {
                "title": f"Report {number}",
                "publisher": "Amnesty International",
                "url": f"https://example.org/report-{number}",
                "date": "2020-01-01",
            },
        }
        for number in range(10)
    ]
    body = [
        {"type": "heading", "id": str(uuid.uuid4()), "value": "Who they are"},
        {
            "type": "paragraph",
            "id": str(uuid.uuid4()),
            "value": "<p>" + "A paragraph of the story of the case. " * 20 + "</p>",
        },
    ]
    through = PrisonerCasePage.themes.through
    links = []
    with transaction.atomic(), disable_reference_index_auto_update():
        starts = {code: index.numchild for code, index in indexes.items()}
        for number in range(count):
            key = uuid.uuid4()
            for code, index in indexes.items():
                slug = f"bench-prisoner-{number}"
                page = PrisonerCasePage(
                    title=f"Bench prisoner {number}",
                    draft_title=f"Bench prisoner {number}",
                    slug=slug,
                    locale_id=index.locale_id,
                    translation_key=key,
                    path=Page._get_path(
                        index.path, index.depth + 1, starts[code] + number + 1
                    ),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    content_type=content_type,
                    portrait=images[number],
                    portrait_alt_text="A grey placeholder",
                    country_of_detention="IR",
                    status="detained",
                    detained_since=day,
                    summary="A researcher held since 2016 after an unfair trial.",
                    charges="Espionage.",
                    sentence="Death.",
                    body=body,
                    timeline=timeline,
                    sources=sources,
                )
                page.save(clean=False)
                links += [
                    through(prisonercasepage_id=page.pk, theme_id=theme.pk)
                    for theme in themes
                ]
        through.objects.bulk_create(links)
        for code, index in indexes.items():
            Page.objects.filter(pk=index.pk).update(numchild=starts[code] + count)


# --- Query counts (child process: ``api.py _count``) -----------------------------------
def count_queries(plan: dict[str, Any]) -> None:
    """Print the queries of one request per scenario, after a warm-up request."""
    setup_django()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts: dict[str, int] = {}
    sizes: dict[str, int] = {}

    def measure(name: str, url: str, *, cached: bool) -> None:
        with override_settings(API_RESPONSE_CACHE=cached):
            cache.clear()
            client.get(url)  # warm process-wide caches (and, if cached, the answer)
            if not cached:
                cache.clear()
                client.get(url)  # Wagtail's site root paths live in the cache too
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
                if response.status_code == 302 and "/find/" in url:
                    response = client.get(response["Location"])
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(queries)
        sizes[name] = len(response.content)

    for name, urls in plan.items():
        measure(name, urls[0], cached=name.endswith(":cached"))
    print(json.dumps({"queries": counts, "bytes": sizes}))


def case_ids() -> None:
    setup_django()
    from casepages.models import PrisonerCasePage

    rows = PrisonerCasePage.objects.filter(slug__startswith="bench-prisoner-")
    print(
        json.dumps(
            {
                f"{locale}/{slug}": pk
                for pk, slug, locale in rows.values_list(
                    "pk", "slug", "locale__language_code"
                )
            }
        )
    )


# --- Load generation ---------------------------------------------------------------
def _get(port: int, url: str) -> tuple[int, str]:
    """One GET on a new connection (gunicorn's sync workers do not keep it alive)."""
    status, target, _cache = _get_with_cache(port, url)
    return status, target


def _get_with_cache(port: int, url: str) -> tuple[int, str, str]:
    """:func:`_get`, with the answer's ``X-Cache`` (hit or miss)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", url, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        location = urlsplit(response.getheader("Location") or "")
        target = location.path + ("?" + location.query if location.query else "")
        return response.status, target, response.getheader("X-Cache") or ""
    finally:
        connection.close()


def _client(job: tuple[int, list[str], float, int]) -> tuple[list[float], int]:
    port, urls, seconds, offset = job
    latencies: list[float] = []
    errors = 0
    started = time.perf_counter()
    number = offset
    while time.perf_counter() - started < seconds:
        url = urls[number % len(urls)]
        number += 1
        begin = time.perf_counter()
        try:
            status, location = _get(port, url)
            if status == 302 and "/find/" in url:
                # Wagtail's find answers a redirect to the detail: a front end
                # resolving a path needs both requests.
                status, location = _get(port, location)
            if status != 200:
                errors += 1
        except OSError:
            errors += 1
        latencies.append(time.perf_counter() - begin)
    return latencies, errors


def load(port: int, urls: list[str], seconds: float, clients: int) -> dict[str, float]:
    """Requests per second and p50/p99 latency (ms) of ``urls`` on ``port``."""
    jobs = [(port, urls, seconds, index * 7) for index in range(clients)]
    with multiprocessing.get_context("fork").Pool(clients) as pool:
        results = pool.map(_client, jobs)
    latencies = sorted(value for result, _errors in results for value in result)
    errors = sum(errors for _result, errors in results)
    return {
        "rps": len(latencies) / seconds,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "errors": errors,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(env: dict[str, str], workers: int) -> Iterator[int]:
    """A gunicorn serving the benchmark URLconf on 127.0.0.1; yields its port."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "example_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/healthz/", headers={"Host": "127.0.0.1"})
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def warm(port: int, urls: list[str], rounds: int) -> None:
    """Ask for every URL a few times, so that every worker has rendered them."""
    for _ in range(rounds):
        for url in urls:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", url, headers={"Host": "127.0.0.1"})
            connection.getresponse().read()
            connection.close()


# --- Databases ---------------------------------------------------------------------
@contextmanager
def databases(workdir: Path) -> Iterator[Any]:
    """Yield ``make(name) -> url``: fresh copies of a migrated database with the demo."""
    base_url = os.environ.get("DATABASE_URL", "")
    media = str(workdir / "media")
    if base_url.startswith("postgres"):
        import psycopg

        parts = urlsplit(base_url)
        # Databases are created from the server's maintenance database: the one that
        # DATABASE_URL names need not exist (pytest-django makes test_<name>).
        admin_url = parts._replace(path="/postgres").geturl()
        created: list[str] = []

        def pg(sql: str) -> None:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(sql)

        template = f"{parts.path.lstrip('/') or 'postgres'}_bench_base"
        pg(f'DROP DATABASE IF EXISTS "{template}"')
        pg(f'CREATE DATABASE "{template}"')
        created.append(template)
        template_url = parts._replace(path="/" + template).geturl()
        env = bench_env(template_url, media)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "load_demo")

        def make(name: str) -> str:
            database = f"{template[: -len('_base')]}_{name}"
            pg(f'DROP DATABASE IF EXISTS "{database}"')
            pg(f'CREATE DATABASE "{database}" TEMPLATE "{template}"')
            created.append(database)
            return parts._replace(path="/" + database).geturl()

        try:
            yield make, "postgresql", media
        finally:
            for database in created:
                pg(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    else:
        base = workdir / "base.sqlite3"
        env = bench_env(f"sqlite:///{base}", media)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "load_demo")

        def make(name: str) -> str:
            target = workdir / f"{name}.sqlite3"
            shutil.copyfile(base, target)
            return f"sqlite:///{target}"

        yield make, "sqlite", media


# --- One size ------------------------------------------------------------------------
def scenarios(count: int, ids: dict[str, int]) -> dict[str, list[str]]:
    """The URLs of each scenario (a list that the clients cycle through)."""
    rng = random.Random(count)
    sample = rng.sample(range(count), min(SAMPLE, count))
    pages = max(1, min(5, count // PAGE_SIZE))
    ours_list = [
        f"/api/v1/{locale}/cases/?page_size={PAGE_SIZE}&page={page}"
        for page in range(1, pages + 1)
        for locale in LOCALES
    ]
    ours_detail = [
        f"/api/v1/{LOCALES[n % 3]}/cases/bench-prisoner-{n}/" for n in sample
    ]
    # Wagtail's find routes from the site's root page, which knows no language
    # prefix: it resolves English pages only, as /cases/<slug>/. Both APIs resolve
    # the same English pages.
    ours_resolve = [
        f"/api/v1/resolve/?path=/en/cases/bench-prisoner-{n}/" for n in sample
    ]
    wagtail_list = [
        "/wagtail-api/v2/pages/?type=casepages.PrisonerCasePage&fields=*"
        f"&locale={locale}&limit={PAGE_SIZE}&offset={(page - 1) * PAGE_SIZE}"
        for page in range(1, pages + 1)
        for locale in LOCALES
    ]
    wagtail_detail = [
        f"/wagtail-api/v2/pages/{ids[f'{LOCALES[n % 3]}/bench-prisoner-{n}']}/"
        for n in sample
    ]
    wagtail_resolve = [
        f"/wagtail-api/v2/pages/find/?html_path=/cases/bench-prisoner-{n}/"
        for n in sample
    ]
    return {
        "list:uncached": ours_list,
        "list:cached": ours_list,
        "list:wagtail": wagtail_list,
        "detail:uncached": ours_detail,
        "detail:cached": ours_detail,
        "detail:wagtail": wagtail_detail,
        "resolve:uncached": ours_resolve,
        "resolve:cached": ours_resolve,
        "resolve:wagtail_find": wagtail_resolve,
        "floor:tiny": ["/api/bench-floor/"],
    }


def bench_size(
    count: int, make: Any, media: str, args: argparse.Namespace
) -> dict[str, dict[str, float]]:
    url = make(f"n{count}")
    began = time.monotonic()
    run([sys.executable, __file__, "_seed", str(count)], bench_env(url, media))
    print(f"  seeded {count} cases x 3 languages in {time.monotonic() - began:.0f} s")
    ids = json.loads(run([sys.executable, __file__, "_ids"], bench_env(url, media)))
    plan = scenarios(count, ids)
    measured = json.loads(
        run(
            [sys.executable, __file__, "_count", json.dumps(plan)],
            bench_env(url, media),
        )
    )
    counts = measured["queries"]
    # The floor of each endpoint moves as many bytes as the endpoint's answers.
    for kind in ("list", "detail", "resolve"):
        size = measured["bytes"][f"{kind}:cached"]
        plan[f"floor:{kind}"] = [f"/api/bench-floor/{size}/"]
    results: dict[str, dict[str, float]] = {}
    with (
        server(bench_env(url, media, cache=False), args.workers) as uncached_port,
        server(bench_env(url, media, cache=True), args.workers) as cached_port,
    ):
        ports = {
            name: cached_port if name.endswith(":cached") else uncached_port
            for name in plan
        }
        for name, urls in plan.items():
            warm(ports[name], urls, rounds=3 if name.endswith(":cached") else 1)
        # Rounds interleave the scenarios, and the best round of each counts: other
        # work on the machine slows some rounds down, never speeds one up.
        for _round in range(args.rounds):
            for name, urls in plan.items():
                measured_round = load(ports[name], urls, args.seconds, args.clients)
                if name not in results or measured_round["rps"] > results[name]["rps"]:
                    results[name] = {**measured_round, "queries": counts.get(name, 0)}
    return results


# --- Publish storm: one publication a second during the load ---------------------------
def publisher(seconds: float) -> None:
    """Child process (``api.py _publish S``): publish one case every second."""
    setup_django()
    from casepages.models import PrisonerCasePage

    page = PrisonerCasePage.objects.get(
        slug="bench-prisoner-0", locale__language_code="en"
    )
    deadline = time.monotonic() + seconds
    number = 0
    while time.monotonic() < deadline:
        number += 1
        page.summary = f"Update {number}"
        page.save_revision().publish()
        time.sleep(1)


def _storm_client(job: tuple[int, list[str], float, int]) -> tuple[int, int, int]:
    port, urls, seconds, offset = job
    hits = misses = errors = 0
    started = time.perf_counter()
    number = offset
    while time.perf_counter() - started < seconds:
        url = urls[number % len(urls)]
        number += 1
        try:
            status, _target, cache = _get_with_cache(port, url)
        except OSError:
            errors += 1
            continue
        if status != 200:
            errors += 1
        elif cache == "hit":
            hits += 1
        else:
            misses += 1
    return hits, misses, errors


def publish_storm(args: argparse.Namespace) -> None:
    """The other cases' details, cached in Redis, while one case is published every
    second: cache tags against the global invalidation they replace."""
    import redis

    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    count = int(args.sizes.split(",")[0])
    seconds = args.seconds * 3
    with (
        tempfile.TemporaryDirectory(prefix="ngo_cms_bench_") as tmp,
        databases(Path(tmp)) as (make, vendor, media),
    ):
        url = make(f"storm{count}")
        run([sys.executable, __file__, "_seed", str(count)], bench_env(url, media))
        others = [
            f"/api/v1/{LOCALES[n % 3]}/cases/bench-prisoner-{n}/"
            for n in range(1, min(count, 31))
        ]
        print(
            f"Publish storm on {vendor}, N={count}: one case published every second, "
            f"{args.clients} clients read {len(others)} other cases' details for "
            f"{seconds:g} s from {args.workers} gunicorn workers with Redis as the cache"
        )
        print("| invalidation | requests/s | cached hit rate | errors |")
        print("| --- | --- | --- | --- |")
        for label, tags_on in (("cache tags", "1"), ("global (before)", "0")):
            redis.Redis.from_url(redis_url).flushdb()
            env = {
                **bench_env(url, media, cache=True),
                "BENCH_REDIS_URL": redis_url,
                "BENCH_CACHE_TAGS": tags_on,
            }
            with server(env, args.workers) as port:
                warm(port, others, rounds=2)
                publishing = subprocess.Popen(
                    [sys.executable, __file__, "_publish", str(seconds + 2)],
                    cwd=ROOT,
                    env=env,
                )
                try:
                    time.sleep(1)
                    jobs = [
                        (port, others, seconds, index * 7)
                        for index in range(args.clients)
                    ]
                    with multiprocessing.get_context("fork").Pool(args.clients) as pool:
                        results = pool.map(_storm_client, jobs)
                finally:
                    publishing.wait(timeout=60)
            hits = sum(r[0] for r in results)
            misses = sum(r[1] for r in results)
            errors = sum(r[2] for r in results)
            total = hits + misses
            print(
                f"| {label} | {total / seconds:.0f} | {100 * hits / max(total, 1):.1f} % | {errors} |"
            )


def print_table(count: int, vendor: str, results: dict[str, dict[str, float]]) -> None:
    label = {
        "uncached": "ours, uncached",
        "cached": "ours, cached",
        "wagtail": "Wagtail API v2",
        "wagtail_find": "Wagtail find + detail",
        "tiny": "plain view, tiny body",
        "list": "plain view, list size",
        "detail": "plain view, detail size",
        "resolve": "plain view, resolve size",
    }
    print(f"\nN = {count} cases (x3 languages), {vendor}")
    print(
        f"{'endpoint':<9} {'server':<24} {'queries':>7} {'req/s':>8} "
        f"{'p50 ms':>8} {'p99 ms':>8}"
    )
    for name, row in sorted(results.items(), key=lambda item: _order(item[0])):
        kind, _sep, variant = name.partition(":")
        print(
            f"{kind:<9} {label[variant]:<24} {row['queries']:>7} {row['rps']:>8.1f} "
            f"{row['p50']:>8.1f} {row['p99']:>8.1f}"
            + (f"  ({row['errors']} errors)" if row["errors"] else "")
        )
    print("ratios (requests per second):")
    for kind in ("list", "detail", "resolve"):
        ours = results[f"{kind}:uncached"]["rps"]
        wagtail = (results.get(f"{kind}:wagtail") or results[f"{kind}:wagtail_find"])[
            "rps"
        ]
        cached = results[f"{kind}:cached"]["rps"]
        same = results[f"floor:{kind}"]["rps"]
        tiny = results["floor:tiny"]["rps"]
        print(
            f"  {kind:<8} ours uncached / Wagtail {ours / wagtail:5.2f}x   "
            f"ours cached / floor of the same size {cached / same:5.2f}   "
            f"/ tiny floor {cached / tiny:5.2f}"
        )


def _order(name: str) -> tuple[int, int]:
    kind, _sep, variant = name.partition(":")
    kinds = ["list", "detail", "resolve", "floor"]
    variants = [
        "uncached",
        "cached",
        "wagtail",
        "wagtail_find",
        "list",
        "detail",
        "resolve",
        "tiny",
    ]
    return kinds.index(kind), variants.index(variant)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,2000", help="comma-separated N")
    parser.add_argument(
        "--seconds", type=float, default=2.0, help="per scenario and round"
    )
    parser.add_argument("--rounds", type=int, default=3, help="best of this many")
    parser.add_argument("--clients", type=int, default=4, help="client processes")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--storm",
        action="store_true",
        help="publish one case a second while reading the others (Redis: "
        "BENCH_REDIS_URL, default redis://127.0.0.1:6379/15, emptied)",
    )
    args = parser.parse_args()
    if args.storm:
        publish_storm(args)
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    with (
        tempfile.TemporaryDirectory(prefix="ngo_cms_bench_") as tmp,
        databases(Path(tmp)) as (make, vendor, media),
    ):
        print(
            f"Benchmark on {vendor}, {args.workers} gunicorn workers, "
            f"{args.clients} clients, best of {args.rounds} rounds of "
            f"{args.seconds:g} s per scenario; load average before: "
            f"{os.getloadavg()[0]:.2f}"
        )
        for count in sizes:
            results = bench_size(count, make, media, args)
            print_table(count, vendor, results)
    print(
        "\nresolve on Wagtail API v2 is its find endpoint (?html_path=), which answers "
        "a redirect to the detail; each measured request follows it (2 requests). "
        "It resolves only default-language paths without their /en/ prefix, so both "
        "resolve scenarios use English pages."
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_seed":
        seed(int(sys.argv[2]))
    elif len(sys.argv) > 1 and sys.argv[1] == "_count":
        count_queries(json.loads(sys.argv[2]))
    elif len(sys.argv) > 1 and sys.argv[1] == "_publish":
        publisher(float(sys.argv[2]))
    elif len(sys.argv) > 1 and sys.argv[1] == "_ids":
        case_ids()
    else:
        main()
