"""Which storage and task backend the environment chooses, in a fresh interpreter
with production settings (no S3 server or Redis needed: URLs are signed locally)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "ngo.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
S3 = {
    "MEDIA_S3_BUCKET": "ngo-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.example.net",
    "MEDIA_S3_REGION": "eu-west-1",
    "MEDIA_S3_ACCESS_KEY_ID": "key-id",
    "MEDIA_S3_SECRET_ACCESS_KEY": "secret",
    "MEDIA_S3_URL_EXPIRE": "600",
}

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from django_tasks import task_backends
from wagtail.images.models import get_rendition_storage
print(json.dumps({
    "default": type(storages["default"]).__name__,
    "document_url": storages["default"].url("documents/report.pdf"),
    "rendition_url": get_rendition_storage().url("images/face.width-400.webp"),
    "serve_method": settings.WAGTAILDOCS_SERVE_METHOD,
    "tasks": type(task_backends["default"]).__name__,
}))
"""


def probe(**env: str) -> dict:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MEDIA_", "TASKS_", "DJANGO_", "AWS_"))
        and key not in {"SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "DATABASE_URL"}
    }
    clean.update(
        PRODUCTION, **env, DJANGO_SETTINGS_MODULE="example_site.settings.production"
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_without_object_storage_media_stay_on_the_local_disk():
    found = probe()
    assert found["default"] == "FileSystemStorage"
    assert found["rendition_url"] == "/media/images/face.width-400.webp"
    assert found["tasks"] == "DatabaseBackend"


def test_documents_are_private_and_renditions_public_on_the_cdn():
    found = probe(**S3, MEDIA_PUBLIC_URL="https://media.example.org")
    assert found["default"] == "S3Storage"
    # Documents: served by Wagtail's view, which checks privacy; their bucket URL,
    # should anything ask for it, is signed and expires.
    assert found["serve_method"] == "serve_view"
    document = found["document_url"]
    assert document.startswith("https://s3.example.net/ngo-media/documents/report.pdf?")
    assert "X-Amz-Signature=" in document
    assert "X-Amz-Expires=600" in document
    # Renditions: the public (CDN) address, unsigned, so that caches can keep them.
    assert (
        found["rendition_url"] == "https://media.example.org/images/face.width-400.webp"
    )


def test_without_a_public_address_renditions_are_signed_too():
    found = probe(**S3)
    rendition = found["rendition_url"]
    assert rendition.startswith("https://s3.example.net/ngo-media/images/")
    assert "X-Amz-Signature=" in rendition


def test_tasks_go_to_redis_when_asked():
    assert probe(TASKS_BACKEND="rq")["tasks"] == "RQBackend"
