"""Two app servers, one PostgreSQL, one Redis, one object store: they agree.

Two gunicorn instances on two ports of 127.0.0.1 run the production settings
(tests/scale/settings.py) against the test's PostgreSQL database, one Redis database
and a local S3-compatible server (moto in server mode). The test then does what
readers, editors and signers do, on both servers at once:

- an image uploaded through the admin of server A has its renditions served, through
  the API of server B, from the object store's public address;
- a case published and unpublished on A changes B's answer at once;
- signatures given on A and on B, confirmed from the mailed links, make one count;
- an RQ worker, started on its own, runs the mails and retries a failing task.

It needs PostgreSQL (``DATABASE_URL``) and Redis (``NGO_CMS_TEST_REDIS_URL``,
default ``redis://127.0.0.1:6379/4``, which it empties); without them it is skipped.
"""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from django.db import connection
from PIL import Image

pytestmark = [pytest.mark.requires_postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
REDIS_URL = os.environ.get("NGO_CMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")
# Three ports in a row (two servers and the S3 server); NGO_CMS_TEST_PORT_BASE moves them.
PORT_BASE = int(os.environ.get("NGO_CMS_TEST_PORT_BASE", "18401"))
BUCKET = "ngo-cms-media"
PASSWORD = "two-servers-2026"


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture
def redis_db() -> Iterator[Any]:
    """The shared Redis database, emptied before and after; skip if none answers."""
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"needs Redis at {REDIS_URL} (set NGO_CMS_TEST_REDIS_URL)")
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def ports() -> tuple[int, int, int]:
    chosen = (PORT_BASE, PORT_BASE + 1, PORT_BASE + 2)
    busy = [port for port in chosen if not _port_free(port)]
    if busy:
        pytest.skip(f"ports {busy} are busy (set NGO_CMS_TEST_PORT_BASE)")
    return chosen


@pytest.fixture
def s3(ports) -> Iterator[str]:
    """A moto S3 server on 127.0.0.1 with the media bucket; its address."""
    pytest.importorskip("moto.server")
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=ports[2], verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{ports[2]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    client.create_bucket(Bucket=BUCKET)
    # What docs/scaling.md asks of a real bucket: renditions public, the rest private.
    client.put_bucket_policy(
        Bucket=BUCKET,
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": f"arn:aws:s3:::{BUCKET}/images/*",
                    }
                ],
            }
        ),
    )
    try:
        yield endpoint
    finally:
        server.stop()


@pytest.fixture
def server_env(reload_demo, redis_db, s3, smtp_server, settings) -> dict[str, str]:
    """The environment of both servers and the worker: production settings on the
    test's PostgreSQL database, Redis, the S3 server and the SMTP server."""
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}"
        f":{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "MEDIA_", "TASKS_", "EMAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.scale.settings",
        PYTHONPATH=str(ROOT),
        SECRET_KEY="two-servers-share-this-secret-" + "x" * 30,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=REDIS_URL,
        SECURE_SSL_REDIRECT="false",
        MEDIA_S3_BUCKET=BUCKET,
        MEDIA_S3_ENDPOINT_URL=s3,
        MEDIA_S3_REGION="us-east-1",
        MEDIA_S3_ACCESS_KEY_ID="test-key",
        MEDIA_S3_SECRET_ACCESS_KEY="test-secret",
        MEDIA_PUBLIC_URL=f"{s3}/{BUCKET}",
        TASKS_BACKEND="rq",
        TASKS_RETRIES="2",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(settings.EMAIL_PORT),
        VAR_DIR=str(Path(settings.MEDIA_ROOT) / "var"),
    )
    return env


def _start(env: dict[str, str], port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "example_site.wsgi",
            "--chdir",
            str(ROOT),
            "--bind",
            f"127.0.0.1:{port}",
            # One process with threads each: the machine running the suite is small;
            # two servers already prove that no answer lives in one process.
            "--workers",
            "1",
            "--threads",
            "4",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


@pytest.fixture
def servers(server_env, ports) -> Iterator[tuple[str, str]]:
    """Servers A and B (gunicorn), their base URLs once they are ready."""
    processes = [_start(server_env, port) for port in ports[:2]]
    urls = tuple(f"http://127.0.0.1:{port}" for port in ports[:2])
    try:
        deadline = time.monotonic() + 60
        for url, process in zip(urls, processes, strict=True):
            while True:
                assert process.poll() is None, f"{url} exited with {process.returncode}"
                try:
                    answer = requests.get(f"{url}/readyz/", timeout=20)
                    if answer.status_code == 200:
                        break
                except requests.RequestException:
                    pass
                assert time.monotonic() < deadline, f"{url} never became ready"
                time.sleep(0.3)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def run_worker(env: dict[str, str]) -> None:
    """One RQ worker, as operators start it, in burst mode: it empties the queue."""
    subprocess.run(
        [
            PYTHON,
            "manage.py",
            "rqworker",
            "--job-class",
            "django_tasks_rq.Job",
            "--burst",
            "default",
        ],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=60,
        capture_output=True,
    )


def task_cli(env: dict[str, str], *args: str) -> dict:
    done = subprocess.run(
        [PYTHON, "-m", "tests.scale.tasks", *args],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def admin_session(base: str, username: str) -> requests.Session:
    """Log in to the admin of ``base`` through its login form, as an editor does."""
    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=10).raise_for_status()
    answer = session.post(
        f"{base}/admin/login/",
        data={
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "next": "/admin/",
        },
        timeout=10,
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[:500]
    return session


def post_form(session: requests.Session, url: str, **kwargs: Any) -> requests.Response:
    data = {
        "csrfmiddlewaretoken": session.cookies["csrftoken"],
        **kwargs.pop("data", {}),
    }
    return session.post(url, data=data, timeout=30, allow_redirects=False, **kwargs)


def s3_client(env: dict[str, str]) -> Any:
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=env["MEDIA_S3_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def sign(base: str, slug: str, email: str) -> None:
    answer = requests.post(
        f"{base}/api/v1/en/actions/{slug}/signatures/",
        json={
            "first_name": "Sam",
            "last_name": "Scale",
            "email": email,
            "country": "BE",
            "postcode": "1000",
            "consent_privacy": True,
        },
        timeout=10,
    )
    assert answer.status_code == 202, answer.text


def signature_count(base: str, slug: str) -> int:
    answer = requests.get(f"{base}/api/v1/en/actions/{slug}/", timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()["signature_count"]


def test_two_servers_agree(servers, server_env, smtp_server, redis_db):
    """A and B share every decision: media, publication, counts and tasks."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from actions.models import UrgentActionPage
    from casepages.models import PrisonerCasePage

    a, b = servers
    user = get_user_model().objects.create_superuser(
        "scale-editor", "editor@example.org", PASSWORD
    )

    # -- An image uploaded on A, its renditions read through B's API. -------------
    editor = admin_session(a, user.username)
    editor.get(f"{a}/admin/images/add/", timeout=10).raise_for_status()
    answer = post_form(
        editor,
        f"{a}/admin/images/add/",
        data={"title": "Portrait for two servers", "tags": ""},
        files={"file": ("two-servers.png", png(900, 600), "image/png")},
    )
    assert answer.status_code == 302, answer.text[:2000]
    image = get_image_model().objects.get(title="Portrait for two servers")
    # The original is in the bucket, not on a server's disk.
    stored = s3_client(server_env).head_object(Bucket=BUCKET, Key=image.file.name)
    assert stored["ContentLength"] > 0

    # -- A document uploaded on A is served by B, through Wagtail's view. --------
    answer = post_form(
        editor,
        f"{a}/admin/documents/add/",
        data={"title": "Report for two servers", "tags": ""},
        files={"file": ("two-servers.txt", b"Evidence, one copy.\n", "text/plain")},
    )
    assert answer.status_code == 302, answer.text[:2000]
    document = get_document_model().objects.get(title="Report for two servers")
    served = requests.get(f"{b}{document.url}", timeout=10, allow_redirects=False)
    # Streamed from the bucket by the view that checks privacy, not redirected to it.
    assert served.status_code == 200, served.headers
    assert served.content == b"Evidence, one copy.\n"

    case = PrisonerCasePage.objects.get(
        slug="ahmadreza-djalali", locale__language_code="en"
    )
    case_api = f"/api/v1/en/cases/{case.slug}/"
    before = requests.get(f"{b}{case_api}", timeout=10)
    assert before.status_code == 200
    assert (before.json()["portrait"] or {}).get("id") != image.pk
    # An editor's draft gets the new portrait; A's admin publishes it.
    case.portrait = image
    case.save_revision(user=user)
    answer = post_form(
        editor,
        f"{a}/admin/bulk/wagtailcore/page/publish/?id={case.pk}",
        data={"include_descendants": ""},
    )
    assert answer.status_code == 302, answer.text[:2000]

    after = requests.get(f"{b}{case_api}", timeout=10)
    assert after.status_code == 200
    portrait = after.json()["portrait"]
    assert portrait["id"] == image.pk
    renditions = portrait["renditions"]
    assert renditions
    for rendition in renditions.values():
        url = rendition["url"]
        assert url.startswith(server_env["MEDIA_PUBLIC_URL"] + "/images/"), url
        served = requests.get(url, timeout=10)
        assert served.status_code == 200, url
        with Image.open(io.BytesIO(served.content)) as picture:
            assert picture.size == (rendition["width"], rendition["height"])

    # -- Unpublished on A: B says 404 at once (shared cache generation). ----------
    answer = post_form(editor, f"{a}/admin/pages/{case.pk}/unpublish/")
    assert answer.status_code == 302, answer.text[:2000]
    assert requests.get(f"{b}{case_api}", timeout=10).status_code == 404
    assert requests.get(f"{a}{case_api}", timeout=10).status_code == 404

    # -- Signing on both servers; one exact count. --------------------------------
    action = UrgentActionPage.objects.live().filter(locale__language_code="en").first()
    count_before = signature_count(a, action.slug)
    assert signature_count(b, action.slug) == count_before
    run = uuid.uuid4().hex[:8]
    first, second = f"first-{run}@example.org", f"second-{run}@example.org"
    sign(a, action.slug, first)
    sign(b, action.slug, second)
    sign(b, action.slug, first)  # the same person again, on the other server
    # Tasks that fail: retried by the worker, the last failure kept.
    tasks = task_cli(server_env, "enqueue", run)

    run_worker(server_env)

    tokens = {}
    for address in (first, second):
        mails = smtp_server.to(address)
        assert mails, f"no mail to {address}"
        match = re.search(r"/confirm/([^/\s]+)/", smtp_server.text(mails[-1]))
        assert match, smtp_server.text(mails[-1])
        tokens[address] = match.group(1)
    assert len(smtp_server.to(first)) == 2  # a new link for the pending signature
    counts = []
    for base, address in ((a, first), (b, second), (a, second), (b, first)):
        confirmed = requests.post(
            f"{base}/api/v1/en/actions/{action.slug}/signatures/confirm/",
            json={"token": tokens[address]},
            timeout=10,
        )
        assert confirmed.status_code == 200, confirmed.text
        counts.append(confirmed.json()["signature_count"])
    # Each confirmation counts once, whichever server took it; confirming again on
    # the other server changes nothing.
    assert counts == [
        count_before + 1,
        count_before + 2,
        count_before + 2,
        count_before + 2,
    ]
    # The action's cached answer (up to API_CACHE_MAX_AGE old) is one, in Redis.
    assert signature_count(a, action.slug) == signature_count(b, action.slug)

    # -- The worker retried the flaky task and kept the broken one's failure. -----
    results = task_cli(server_env, "results", tasks["flaky"], tasks["broken"])
    assert results[tasks["flaky"]]["status"] == "SUCCESSFUL", results
    assert results[tasks["flaky"]]["return_value"] == 3  # two failures, then success
    assert results[tasks["broken"]]["status"] == "FAILED"
    assert "broken attempt 3" in results[tasks["broken"]]["errors"][-1]
    assert int(redis_db.get(f"scale-test:broken:{run}")) == 3  # one try, two retries
