"""The API contract, checked by tools nobody here wrote, against the app over HTTP.

- Schemathesis (every check, a bounded number of examples per operation, signing
  included) finds no failure;
- openapi-spec-validator, resolving every ``$ref``, finds the schema valid;
- openapi-python-client generates a client without warnings, and that client reads
  every GET endpoint in every locale;
- openapi-typescript (through npx, where Node.js is installed) generates types
  without warnings.

The app is served over real HTTP on 127.0.0.1 (an OS-chosen port) by a server thread
that shares the test's database connection, so the demo content is there and
whatever the tools change (signatures) is rolled back with the test.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections

from tests.api.conftest import LOCALES

pytestmark = pytest.mark.django_db
VENV_BIN = Path(sys.executable).parent
# Examples per operation: enough to cover every parameter and error path of this
# API in about a minute on a 2-core machine.
MAX_EXAMPLES = 25


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served_over_http() -> Iterator[str]:
    """The app on ``http://127.0.0.1:<port>``, answering one request at a time on
    the test's own database connection (as Django's LiveServerThread does for an
    in-memory SQLite database)."""
    connection = connections["default"]
    server = WSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(WSGIHandler())

    def run() -> None:
        connections["default"] = connection
        server.serve_forever(poll_interval=0.05)

    # The test's transaction must survive the requests: Django would close the
    # connection at the end of each one.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    connection.inc_thread_sharing()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        connection.dec_thread_sharing()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def base_url(settings) -> Iterator[str]:
    """The served app, with signing throttled loosely enough for the fuzzer."""
    settings.SIGNING_RATES = {
        "client": "100000/minute",
        "campaign": "100000/minute",
        "address": "100000/minute",
        "confirm": "100000/minute",
    }
    with served_over_http() as url:
        yield url


@pytest.fixture
def schema_file(base_url, tmp_path) -> Path:
    response = httpx.get(f"{base_url}/api/v1/schema/?format=json")
    assert response.status_code == 200
    path = tmp_path / "openapi.json"
    path.write_bytes(response.content)
    return path


def test_schemathesis_finds_no_failure(base_url, tmp_path):
    result = subprocess.run(
        [
            str(VENV_BIN / "schemathesis"),
            "run",
            f"{base_url}/api/v1/schema/?format=json",
            "--checks",
            "all",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--workers",
            "1",
            "--seed",
            "20261123",
            "--generation-database",
            "none",
            "--no-color",
            "--request-timeout",
            "30",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    counts = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    assert counts and counts[1] == counts[2], result.stdout[-5000:]
    assert int(counts[1]) > 500, result.stdout[-5000:]


def test_schema_is_valid_with_every_reference_resolved(schema_file):
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    spec, base_uri = read_from_filename(str(schema_file))
    validate(spec, base_uri=base_uri)
    # The validator resolves the references it meets; make sure every one of them
    # names a component that exists (a dangling one is what broke generated clients).
    text = schema_file.read_text()
    components = json.loads(text)["components"]["schemas"]
    for ref in set(re.findall(r'"#/components/schemas/([^"]+)"', text)):
        assert ref in components, ref


def test_generated_python_client_reads_every_get_in_every_locale(
    base_url, schema_file, tmp_path, cases, actions, rallies
):
    result = subprocess.run(
        [
            str(VENV_BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(schema_file),
            "--output-path",
            str(tmp_path / "ngo_client"),
            "--meta",
            "none",
            "--overwrite",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        # Its post-generation hooks run ruff, which lives beside this Python.
        env={**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Warning" not in output and "warning" not in output, output

    sys.path.insert(0, str(tmp_path))
    try:
        _read_everything(base_url, cases, actions, rallies)
    finally:
        sys.path.remove(str(tmp_path))
        for name in list(sys.modules):
            if name == "ngo_client" or name.startswith("ngo_client."):
                del sys.modules[name]


def _read_everything(base_url: str, cases: dict, actions: dict, rallies: dict) -> None:
    """Every GET operation of the generated client, in every locale, parsed into
    the client's own models (which fail on anything the schema does not allow)."""
    client_module = importlib.import_module("ngo_client")
    api = client_module.Client(base_url=base_url, raise_on_unexpected_status=True)

    def call(module: str, **kwargs: object) -> object:
        operation = importlib.import_module(f"ngo_client.api.{module}")
        response = operation.sync_detailed(client=api, **kwargs)
        assert response.status_code == 200, (module, kwargs, response.content[:300])
        return response.parsed

    assert call("default.api_index").locales
    assert len(call("locales.locales_list")) == len(LOCALES)
    for locale in LOCALES:
        navigation = call("navigation.navigation_retrieve", locale=locale)
        assert navigation.home.locale == locale
        for section, pages in (("cases", cases), ("actions", actions)):
            listing = call(f"{section}.{section}_list", locale=locale)
            assert listing.count >= 1
            detail = call(
                f"{section}.{section}_retrieve", locale=locale, slug=pages[locale].slug
            )
            assert detail.slug == pages[locale].slug
        assert call("rallies.rallies_list", locale=locale).count >= 1
        rally = call(
            "rallies.rallies_retrieve", locale=locale, slug=rallies[locale].slug
        )
        assert rally.status.value
        calendar = call(
            "rallies.rallies_ical_retrieve", locale=locale, slug=rallies[locale].slug
        )
        assert "BEGIN:VCALENDAR" in calendar
        assert "BEGIN:VCALENDAR" in call("rallies.rallies_feed_retrieve", locale=locale)
        resolved = call("resolve.resolve_retrieve", path=cases[locale].url)
        assert resolved.slug == cases[locale].slug


@pytest.mark.skipif(shutil.which("npx") is None, reason="needs Node.js (npx)")
def test_openapi_typescript_generates_types_without_warnings(schema_file, tmp_path):
    output = tmp_path / "api.d.ts"
    npx = shutil.which("npx")
    assert npx is not None
    result = subprocess.run(
        [npx, "-y", "openapi-typescript@7", str(schema_file), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    # npm itself may warn about the machine's npm configuration; the generator's
    # own warnings start with its warning sign.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "⚠" not in result.stdout + result.stderr, result.stdout + result.stderr
    types = output.read_text()
    assert '"sentenced_to_death"' in types and '"took_place"' in types
