"""The API when a part it needs is really down, not simulated.

Each test serves the project with gunicorn on 127.0.0.1 and takes something away
from it: a database on a port where nothing listens, a PostgreSQL connection killed
with ``pg_terminate_backend``, a Redis on a closed port under the production
settings. The answers must be JSON 503s with ``Retry-After`` (never a 500 or an HTML
page), signing must stop rather than run unthrottled, readers must still be served
from the database when only Redis is gone, and the server must recover by itself.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from actions.models import Signature, UrgentActionPage
from casepages.models import PrisonerCasePage
from tests.factories.actions import valid_signature_data

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(settings_module: str, **environment: str) -> Iterator[str]:
    """The project under gunicorn (one worker) with ``environment``; its base URL."""
    port = closed_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "PYTHONPATH": str(ROOT),
        **environment,
    }
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "example_site.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "critical",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "gunicorn exited"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def call(url: str, body: object | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET (or POST ``body`` as JSON) ``url``; (status, headers, body)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(  # noqa: S310 - a server on 127.0.0.1
        url,
        data=data,
        headers={"Content-Type": "application/json", "Host": "localhost"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def assert_unavailable(answer: tuple[int, dict[str, str], bytes], text: str) -> None:
    """A JSON 503 in the URL's language, with a Retry-After in seconds."""
    status, headers, body = answer
    assert status == 503, body[:300]
    assert headers["Content-Type"].startswith("application/json")
    assert int(headers["Retry-After"]) > 0
    data = json.loads(body)
    assert data["status"] == 503
    assert data["code"] == "unavailable"
    assert text in data["message"]


def signing_body() -> dict[str, object]:
    return valid_signature_data(consent_privacy=True, consent_contact=False)


def test_a_stopped_database_gives_json_503s_with_retry_after():
    """Nothing listens where the database should be: readers and signers get a
    translated JSON 503 with Retry-After, not a 500 page."""
    database = f"postgres://postgres@127.0.0.1:{closed_port()}/gone?connect_timeout=2"
    with serve("example_site.settings.test", DATABASE_URL=database) as base:
        assert_unavailable(call(f"{base}/api/v1/en/cases/"), "try again")
        assert_unavailable(call(f"{base}/api/v1/nl/cases/some-case/"), "opnieuw")
        assert_unavailable(
            call(f"{base}/api/v1/fr/actions/some-action/signatures/", signing_body()),
            "réessayer",
        )


def _database_url(application_name: str) -> str:
    """The test database's URL, naming the server's connections."""
    config = connection.settings_dict
    user = quote(config["USER"] or "")
    password = f":{quote(config['PASSWORD'])}" if config["PASSWORD"] else ""
    host = config["HOST"] or "127.0.0.1"
    port = config["PORT"] or "5432"
    return (
        f"postgres://{user}{password}@{host}:{port}/{config['NAME']}"
        f"?application_name={application_name}"
    )


def _terminate(application_name: str) -> int:
    """Kill the server's database connections; how many there were."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = %s AND pid <> pg_backend_pid()",
            [application_name],
        )
        return cursor.fetchone()[0]


@pytest.mark.requires_postgres
@pytest.mark.django_db
def test_a_killed_database_connection_is_a_503_then_the_server_recovers():
    """PostgreSQL drops the server's connection (a restart, a failover): the request
    that meets the dead connection is a JSON 503, and the next one reconnects."""
    name = f"ngo_cms_outage_{os.getpid()}"
    case = PrisonerCasePage.objects.live().filter(locale__language_code="en").first()
    with serve("example_site.settings.test", DATABASE_URL=_database_url(name)) as base:
        status, _headers, body = call(f"{base}/api/v1/en/cases/{case.slug}/")
        assert status == 200, body[:300]
        assert _terminate(name) == 1
        # Another address than the one just served (which the response cache
        # could answer without the database).
        assert_unavailable(call(f"{base}/api/v1/en/cases/"), "try again")
        status, _headers, body = call(f"{base}/api/v1/en/rallies/")
        assert status == 200, body[:300]


@pytest.mark.requires_postgres
@pytest.mark.django_db
def test_without_redis_production_serves_readers_and_refuses_to_sign():
    """Production settings with Redis on a closed port: content still comes from
    the database; signing answers 503 rather than run unthrottled, storing nothing."""
    case = PrisonerCasePage.objects.live().filter(locale__language_code="nl").first()
    action = UrgentActionPage.objects.live().filter(locale__language_code="fr").first()
    before = Signature.objects.count()
    with serve(
        "example_site.settings.production",
        DATABASE_URL=_database_url("ngo_cms_redis_down"),
        REDIS_URL=f"redis://127.0.0.1:{closed_port()}/0",
        SECRET_KEY="outage-test-key-" + "x" * 40,
        ALLOWED_HOSTS="localhost",
        SECURE_SSL_REDIRECT="false",
    ) as base:
        status, _headers, body = call(f"{base}/api/v1/nl/cases/{case.slug}/")
        assert status == 200, body[:300]
        assert json.loads(body)["title"] == case.title
        assert_unavailable(
            call(f"{base}/api/v1/fr/actions/{action.slug}/signatures/", signing_body()),
            "réessayer",
        )
    assert Signature.objects.count() == before
